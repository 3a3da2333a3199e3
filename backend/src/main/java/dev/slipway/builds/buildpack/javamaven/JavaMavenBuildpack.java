package dev.slipway.builds.buildpack.javamaven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildpackContributor;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.SourceTree;
import dev.slipway.builds.buildpack.JavaRuntime;
import dev.slipway.progress.Progress;

import org.springframework.stereotype.Component;

/**
 * Maven apps: the JDK version, Maven or the project's wrapper, every POM for the dependency layer, and
 * Heroku's knobs {@code MAVEN_CUSTOM_GOALS} and {@code MAVEN_CUSTOM_OPTS}.
 */
@Component
class JavaMavenBuildpack implements BuildpackContributor {

	/** Config vars that replace the goals ({@code clean package}) and options ({@code -DskipTests}) of the build. */
	static final List<String> KNOBS = List.of("MAVEN_CUSTOM_GOALS", "MAVEN_CUSTOM_OPTS");

	@Override
	public String buildpackId() {
		return "java-maven";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log) {
		JavaRuntime.Jdk jdk = JavaRuntime.version(source, log);
		boolean wrapper = source.exists("mvnw") && source.exists(".mvn/wrapper/maven-wrapper.properties");
		List<String> manifests = new ArrayList<>(source.files()
			.stream()
			.filter(path -> path.equals("pom.xml") || (path.endsWith("/pom.xml") && !path.contains("/target/")))
			.toList());
		if (wrapper) {
			manifests.add("mvnw");
			manifests.add(".mvn");
			log.detail("Using the Maven wrapper (mvnw)");
		}
		else if (source.hasFolder(".mvn")) {
			manifests.add(".mvn");
		}
		Map<String, Object> variables = new HashMap<>(jdk.variables());
		variables.put("wrapper", wrapper);
		variables.put("mvn", wrapper ? "sh ./mvnw" : "mvn");
		variables.put("manifests", manifests);
		Map<String, String> buildArgs = new HashMap<>();
		for (String knob : KNOBS) {
			config.get(knob).ifPresent(value -> {
				buildArgs.put(knob, value);
				log.detail("Using " + knob + "=" + value);
			});
		}
		return new BuildpackPlan(variables, Map.of(), buildArgs, manifests);
	}

}
