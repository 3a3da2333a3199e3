package dev.slipway.builds.buildpack.php;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.BuildpackContributor;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.SourceTree;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.ProcessType;
import org.semver4j.Semver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** PHP apps: Composer when there is a composer.json, and the document root for the built-in server. */
@Component
class PhpBuildpack implements BuildpackContributor {

	static final String STACK_PHP = "8.4";

	/** The PHP release Debian trixie packages, to compare constraints with. */
	static final String STACK_PHP_RELEASE = "8.4.27";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String buildpackId() {
		return "php";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log) {
		boolean composer = source.exists("composer.json");
		checkVersion(source, log);
		Map<String, Object> variables = new HashMap<>();
		variables.put("composer", composer);
		variables.put("manifests", source.exists("composer.lock") ? "composer.json composer.lock" : "composer.json");
		String root = source.hasFolder("public") ? "public" : ".";
		log.detail("Serving " + (root.equals(".") ? "the repository root" : "public/") + " with PHP's built-in server"
				+ (composer ? "; installing dependencies with Composer" : ""));
		return new BuildpackPlan(variables, Map.of(ProcessType.WEB, "php -S 0.0.0.0:$PORT -t " + root), Map.of(),
				List.of("composer.json", "composer.lock"));
	}

	/** composer.json's {@code require.php} against the stack's PHP: Debian trixie packages only 8.4. */
	static void checkVersion(SourceTree source, Progress log) {
		String constraint = source.read("composer.json").flatMap(PhpBuildpack::requiredPhp).orElse(null);
		if (constraint == null) {
			log.detail("Using PHP " + STACK_PHP);
			return;
		}
		boolean satisfied;
		try {
			satisfied = Semver.parse(STACK_PHP_RELEASE).satisfies(npmRange(constraint));
		}
		catch (RuntimeException ex) {
			satisfied = false;
		}
		if (satisfied) {
			log.detail("Using PHP " + STACK_PHP + " (require.php: " + constraint + ")");
		}
		else {
			log.warning("composer.json requires PHP " + constraint + ", which Debian trixie does not package; the app "
					+ "builds and runs with PHP " + STACK_PHP + " instead.");
		}
	}

	/** Composer's constraint syntax in npm's: {@code |} and {@code ||} both mean or, a comma means and. */
	static String npmRange(String constraint) {
		return constraint.replaceAll("\\s*\\|\\|?\\s*", " || ").replaceAll("\\s*,\\s*", " ");
	}

	private static Optional<String> requiredPhp(String composerJson) {
		try {
			JsonNode php = JSON.readTree(composerJson).path("require").path("php");
			return php.isString() ? Optional.of(php.asString().strip()) : Optional.empty();
		}
		catch (JacksonException ex) {
			throw new BuildFailed("composer.json is not valid JSON: " + ex.getOriginalMessage());
		}
	}

}
