package dev.slipway.builds.buildpack.javagradle;

import java.util.List;
import java.util.Map;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaGradleBuildpackTest {

	private final JavaGradleBuildpack buildpack = new JavaGradleBuildpack();

	@Test
	void needsTheWrapper() {
		assertThatThrownBy(() -> buildpack.plan(InMemorySourceTree.of("build.gradle", ""), BuildConfig.NONE, new RecordingProgress()))
			.isInstanceOf(BuildFailed.class)
			.hasMessageContaining("gradle wrapper");
	}

	@Test
	void copiesTheWrapperAndBuildScriptsFirst() {
		var plan = buildpack.plan(InMemorySourceTree.of("gradlew", "", "gradle/wrapper/gradle-wrapper.properties", "",
				"settings.gradle.kts", "", "build.gradle.kts", "", "app/build.gradle.kts", "", "app/build/x/build.gradle",
				"", "src/Main.java", ""), BuildConfig.NONE, new RecordingProgress());
		assertThat(plan.variables()).containsEntry("jdk", 21)
			.containsEntry("manifests",
					List.of("gradlew", "gradle", "settings.gradle.kts", "build.gradle.kts", "app/build.gradle.kts"));
	}

	@Test
	void runsGradleTaskElseStageElseBuild() {
		var wrapper = new String[] { "gradlew", "", "gradle/wrapper/gradle-wrapper.properties", "" };
		assertThat(buildpack.plan(InMemorySourceTree.of(wrapper[0], "", wrapper[2], "", "build.gradle", "plugins {}"),
				BuildConfig.NONE, new RecordingProgress()).buildArgs()).containsEntry("GRADLE_TASK", "build -x check");
		assertThat(buildpack.plan(InMemorySourceTree.of(wrapper[0], "", wrapper[2], "", "build.gradle",
				"task stage(dependsOn: ['build'])"), BuildConfig.NONE, new RecordingProgress()).buildArgs())
			.containsEntry("GRADLE_TASK", "stage");
		assertThat(buildpack.plan(InMemorySourceTree.of(wrapper[0], "", wrapper[2], "", "build.gradle.kts",
				"tasks.register(\"stage\") { }"), new BuildConfig(Map.of("GRADLE_TASK", "shadowJar")),
				new RecordingProgress()).buildArgs()).containsEntry("GRADLE_TASK", "shadowJar");
	}

}
