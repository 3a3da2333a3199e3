package dev.slipway.builds;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A buildpack as its folder under {@code buildpacks/} describes it: how to detect an app, the
 * Dockerfile template (none for apps built from their own Dockerfile), default processes, which of
 * Heroku's memory defaults per dyno size its dynos get ({@code jvm}, {@code node}, or null), and
 * whether it is one of Slipway's own folders, the only ones a {@link BuildpackContributor} serves.
 */
public record Buildpack(String id, String name, int order, List<String> detectAny, List<String> aliases, boolean jvm,
		Map<String, String> defaultProcessTypes, String template, String memoryDefaults, boolean builtIn) {

	public static final String DOCKERFILE = "dockerfile";

	/** The kinds of memory defaults {@code memory_defaults} may name. */
	public static final Set<String> MEMORY_DEFAULTS = Set.of("jvm", "node");

	/** A built-in buildpack whose dynos get no memory defaults, as most. */
	public Buildpack(String id, String name, int order, List<String> detectAny, List<String> aliases, boolean jvm,
			Map<String, String> defaultProcessTypes, String template) {
		this(id, name, order, detectAny, aliases, jvm, defaultProcessTypes, template, null, true);
	}

	/** Whether the app is built from its own Dockerfile rather than a generated one. */
	public boolean usesOwnDockerfile() {
		return template == null;
	}

	boolean detects(SourceTree source) {
		return detectAny.stream().anyMatch(source::exists);
	}

	boolean answersTo(String idOrAlias) {
		return id.equals(idOrAlias) || aliases.contains(idOrAlias);
	}

}
