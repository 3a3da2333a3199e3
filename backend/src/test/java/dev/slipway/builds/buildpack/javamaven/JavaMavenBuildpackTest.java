package dev.slipway.builds.buildpack.javamaven;

import java.util.List;
import java.util.Map;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaMavenBuildpackTest {

	private final JavaMavenBuildpack buildpack = new JavaMavenBuildpack();

	@Test
	void copiesEveryPomButThoseUnderTarget() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("pom.xml", "", "api/pom.xml", "", "api/target/pom.xml",
				"", "src/Main.java", ""), BuildConfig.NONE, new RecordingProgress());
		assertThat(plan.variables()).containsEntry("jdk", 21)
			.containsEntry("wrapper", false)
			.containsEntry("mvn", "mvn")
			.containsEntry("manifests", List.of("pom.xml", "api/pom.xml"));
	}

	@Test
	void usesTheWrapperWhenItIsComplete() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("pom.xml", "", "mvnw", "",
				".mvn/wrapper/maven-wrapper.properties", "", "system.properties", "java.runtime.version=25"), BuildConfig.NONE,
				new RecordingProgress());
		assertThat(plan.variables()).containsEntry("jdk", 25)
			.containsEntry("wrapper", true)
			.containsEntry("mvn", "sh ./mvnw")
			.containsEntry("manifests", List.of("pom.xml", "mvnw", ".mvn"));
	}

	@Test
	void passesHerokusKnobsAsBuildArgumentsAndHashesThePoms() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("pom.xml", "", "system.properties", "java.runtime.version=17"),
				new BuildConfig(Map.of("MAVEN_CUSTOM_GOALS", "clean install", "OTHER", "x")), new RecordingProgress());
		assertThat(plan.buildArgs()).isEqualTo(Map.of("MAVEN_CUSTOM_GOALS", "clean install"));
		assertThat(plan.dependencyFiles()).containsExactly("pom.xml");
		assertThat(plan.variables()).containsEntry("jdk", 17).containsEntry("archive", "bookworm");
	}

}
