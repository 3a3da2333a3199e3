package dev.slipway.build;

import java.util.List;
import java.util.Map;

/**
 * A buildpack as its folder under {@code buildpacks/} describes it: how to detect an app, the
 * Dockerfile template (none for apps built from their own Dockerfile) and default processes.
 */
public record Buildpack(String id, String name, int order, List<String> detectAny, List<String> aliases, boolean jvm,
		Map<String, String> defaultProcessTypes, String template) {

	public static final String DOCKERFILE = "dockerfile";

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
