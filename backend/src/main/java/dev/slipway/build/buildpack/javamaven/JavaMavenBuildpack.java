package dev.slipway.build.buildpack.javamaven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.slipway.build.BuildConfig;
import dev.slipway.build.BuildLog;
import dev.slipway.build.BuildpackContributor;
import dev.slipway.build.BuildpackPlan;
import dev.slipway.build.SourceTree;
import dev.slipway.build.buildpack.JavaRuntime;

import org.springframework.stereotype.Component;

/** Maven apps: the JDK version, Maven or the project's wrapper, and every POM for the dependency layer. */
@Component
class JavaMavenBuildpack implements BuildpackContributor {

	@Override
	public String buildpackId() {
		return "java-maven";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, BuildLog log) {
		int jdk = JavaRuntime.version(source, log);
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
		return BuildpackPlan.of(Map.of("jdk", jdk, "wrapper", wrapper, "mvn", wrapper ? "sh ./mvnw" : "mvn",
				"manifests", manifests));
	}

}
