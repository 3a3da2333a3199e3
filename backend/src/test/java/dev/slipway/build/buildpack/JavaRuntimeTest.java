package dev.slipway.build.buildpack;

import dev.slipway.build.BuildFailed;
import dev.slipway.build.InMemorySourceTree;
import dev.slipway.build.RecordingBuildLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaRuntimeTest {

	@Test
	void defaultsTo21() {
		assertThat(JavaRuntime.version(InMemorySourceTree.of("pom.xml", ""), new RecordingBuildLog())).isEqualTo(21);
	}

	@Test
	void followsSystemProperties() {
		assertThat(version("java.runtime.version=25")).isEqualTo(25);
		assertThat(version("java.runtime.version = 21.0.2")).isEqualTo(21);
		assertThat(version("java.runtime.version=zulu-21")).isEqualTo(21);
	}

	@Test
	void buildsOlderVersionsWithTheNextOneTheStackHasAndSaysSo() {
		RecordingBuildLog log = new RecordingBuildLog();
		assertThat(JavaRuntime.version(InMemorySourceTree.of("system.properties", "java.runtime.version=1.8"), log))
			.isEqualTo(21);
		assertThat(log.text()).contains("Warning: The stack has no Java 8");
		assertThat(version("java.runtime.version=17")).isEqualTo(21);
		assertThat(version("java.runtime.version=23")).isEqualTo(25);
	}

	@Test
	void refusesVersionsNewerThanTheStacks() {
		assertThatThrownBy(() -> version("java.runtime.version=26")).isInstanceOf(BuildFailed.class)
			.hasMessageContaining("Java 26")
			.hasMessageContaining("[21, 25]");
		assertThatThrownBy(() -> version("java.runtime.version=latest")).isInstanceOf(BuildFailed.class);
	}

	private static int version(String systemProperties) {
		return JavaRuntime.version(InMemorySourceTree.of("system.properties", systemProperties), new RecordingBuildLog());
	}

}
