package dev.slipway.build.buildpack.javagradle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.slipway.build.BuildConfig;
import dev.slipway.build.BuildFailed;
import dev.slipway.build.BuildLog;
import dev.slipway.build.BuildpackContributor;
import dev.slipway.build.BuildpackPlan;
import dev.slipway.build.SourceTree;
import dev.slipway.build.buildpack.JavaRuntime;

import org.springframework.stereotype.Component;

/** Gradle apps: needs the wrapper; the JDK version and the build scripts for the dependency layer. */
@Component
class JavaGradleBuildpack implements BuildpackContributor {

	private static final Set<String> SCRIPTS = Set.of("build.gradle", "build.gradle.kts", "settings.gradle",
			"settings.gradle.kts", "gradle.properties");

	@Override
	public String buildpackId() {
		return "java-gradle";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, BuildLog log) {
		if (!source.exists("gradlew") || !source.exists("gradle/wrapper/gradle-wrapper.properties")) {
			throw new BuildFailed("Gradle apps need the Gradle wrapper: run `gradle wrapper` and commit gradlew and "
					+ "the gradle/wrapper folder.");
		}
		int jdk = JavaRuntime.version(source, log);
		List<String> manifests = new ArrayList<>(List.of("gradlew", "gradle"));
		source.files()
			.stream()
			.filter(path -> SCRIPTS.contains(path.substring(path.lastIndexOf('/') + 1)) && !path.contains("/build/"))
			.forEach(manifests::add);
		return BuildpackPlan.of(Map.of("jdk", jdk, "manifests", manifests));
	}

}
