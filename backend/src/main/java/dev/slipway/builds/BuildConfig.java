package dev.slipway.builds;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The app's config vars as a build sees them. As on Heroku, some of them steer the build
 * ({@code MAVEN_CUSTOM_GOALS}, {@code GRADLE_TASK}, {@code NPM_CONFIG_PRODUCTION}, …); a buildpack
 * passes those it reads to Docker as build arguments of its build stage, never into the app's image.
 */
public record BuildConfig(Map<String, String> vars) {

	public static final BuildConfig NONE = new BuildConfig(Map.of());

	public BuildConfig {
		vars = Map.copyOf(vars);
	}

	/** A var's value, when set and not blank. */
	public Optional<String> get(String key) {
		return Optional.ofNullable(vars.get(key)).filter(value -> !value.isBlank());
	}

	/** Whether a var is set to false in one of the ways people write it ({@code false}, {@code 0}, {@code no}). */
	public boolean isFalse(String key) {
		return get(key).map(value -> value.strip().toLowerCase(Locale.ROOT))
			.map(value -> value.equals("false") || value.equals("0") || value.equals("no") || value.equals("off"))
			.orElse(false);
	}

	/** Without the values: they may be secrets and must not reach Slipway's own logs. */
	@Override
	public String toString() {
		return "BuildConfig" + vars.keySet();
	}

}
