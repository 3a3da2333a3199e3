package dev.slipway.builds.buildpack.javagradle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.BuildpackContributor;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.SourceTree;
import dev.slipway.builds.buildpack.JavaRuntime;
import dev.slipway.progress.Progress;

import org.springframework.stereotype.Component;

/**
 * Gradle apps: needs the wrapper; the JDK version, the build scripts for the dependency layer, and the
 * task as Heroku picks it: {@code GRADLE_TASK}, else {@code stage} when a build script defines it, else
 * {@code build -x check}.
 */
@Component
class JavaGradleBuildpack implements BuildpackContributor {

	private static final Pattern STAGE_TASK = Pattern.compile("(task\\s*\\(?\\s*[\"']?stage\\b|tasks\\.register\\(\\s*[\"']stage[\"'])");

	private static final Set<String> SCRIPTS = Set.of("build.gradle", "build.gradle.kts", "settings.gradle",
			"settings.gradle.kts", "gradle.properties");

	@Override
	public String buildpackId() {
		return "java-gradle";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log) {
		if (!source.exists("gradlew") || !source.exists("gradle/wrapper/gradle-wrapper.properties")) {
			throw new BuildFailed("Gradle apps need the Gradle wrapper: run `gradle wrapper` and commit gradlew and "
					+ "the gradle/wrapper folder.");
		}
		JavaRuntime.Jdk jdk = JavaRuntime.version(source, log);
		List<String> manifests = new ArrayList<>(List.of("gradlew", "gradle"));
		source.files()
			.stream()
			.filter(path -> SCRIPTS.contains(path.substring(path.lastIndexOf('/') + 1)) && !path.contains("/build/"))
			.forEach(manifests::add);
		Map<String, Object> variables = new HashMap<>(jdk.variables());
		variables.put("manifests", manifests);
		String task = config.get("GRADLE_TASK").orElseGet(() -> definesStage(source, manifests) ? "stage" : "build -x check");
		log.detail("Running ./gradlew " + task + (config.get("GRADLE_TASK").isPresent() ? " (GRADLE_TASK)" : ""));
		return new BuildpackPlan(variables, Map.of(), Map.of("GRADLE_TASK", task), manifests);
	}

	private static boolean definesStage(SourceTree source, List<String> scripts) {
		return scripts.stream()
			.map(source::read)
			.flatMap(Optional::stream)
			.anyMatch(script -> STAGE_TASK.matcher(script).find());
	}

}
