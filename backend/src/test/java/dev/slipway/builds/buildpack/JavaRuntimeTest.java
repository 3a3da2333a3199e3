package dev.slipway.builds.buildpack;

import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaRuntimeTest {

	@Test
	void defaultsTo21() {
		assertThat(JavaRuntime.version(InMemorySourceTree.of("pom.xml", ""), new RecordingProgress()).major()).isEqualTo(21);
	}

	@Test
	void followsSystemProperties() {
		assertThat(version("java.runtime.version=25")).isEqualTo(25);
		assertThat(version("java.runtime.version = 21.0.2")).isEqualTo(21);
		assertThat(version("java.runtime.version=zulu-21")).isEqualTo(21);
	}

	@Test
	void takesOlderVersionsFromEarlierDebianReleases() {
		assertThat(JavaRuntime.version(InMemorySourceTree.of("system.properties", "java.runtime.version=17"),
				new RecordingProgress())).isEqualTo(new JavaRuntime.Jdk(17, "bookworm"));
		assertThat(JavaRuntime.version(InMemorySourceTree.of("system.properties", "java.runtime.version=11"),
				new RecordingProgress()).variables()).containsEntry("archive", "bullseye").containsEntry("jdk", 11);
		assertThat(JavaRuntime.version(InMemorySourceTree.of("pom.xml", ""), new RecordingProgress()).variables())
			.doesNotContainKey("archive");
	}

	@Test
	void buildsUnpackagedVersionsWithTheNextNewerOneAndSaysSo() {
		RecordingProgress log = new RecordingProgress();
		assertThat(JavaRuntime.version(InMemorySourceTree.of("system.properties", "java.runtime.version=1.8"), log)
			.major()).isEqualTo(11);
		assertThat(log.text()).contains("Warning: Debian packages no OpenJDK 8");
		assertThat(version("java.runtime.version=23")).isEqualTo(25);
	}

	@Test
	void refusesVersionsNewerThanTheStacks() {
		assertThatThrownBy(() -> version("java.runtime.version=26")).isInstanceOf(BuildFailed.class)
			.hasMessageContaining("Java 26")
			.hasMessageContaining("[11, 17, 21, 25]");
		assertThatThrownBy(() -> version("java.runtime.version=latest")).isInstanceOf(BuildFailed.class);
	}

	private static int version(String systemProperties) {
		return JavaRuntime.version(InMemorySourceTree.of("system.properties", systemProperties), new RecordingProgress())
			.major();
	}

}
