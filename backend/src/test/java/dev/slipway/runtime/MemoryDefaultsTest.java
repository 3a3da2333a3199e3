package dev.slipway.runtime;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryDefaultsTest {

	@Test
	void jvmDynosGetAHeapThatFitsTheirSize() {
		assertThat(MemoryDefaults.JVM.env(DynoSize.BASIC, Map.of())).containsExactly(
				Map.entry("JAVA_TOOL_OPTIONS", "-Xmx300m -Xss512k -XX:CICompilerCount=2 -Dfile.encoding=UTF-8"));
		assertThat(MemoryDefaults.JVM.env(DynoSize.STANDARD_1X, Map.of())).containsEntry("JAVA_TOOL_OPTIONS",
				"-Xmx300m -Xss512k -XX:CICompilerCount=2 -Dfile.encoding=UTF-8");
		assertThat(MemoryDefaults.JVM.env(DynoSize.STANDARD_2X, Map.of())).containsEntry("JAVA_TOOL_OPTIONS",
				"-Xmx671m -XX:CICompilerCount=2 -Dfile.encoding=UTF-8");
		assertThat(MemoryDefaults.JVM.env(DynoSize.PERFORMANCE_M, Map.of())).containsEntry("JAVA_TOOL_OPTIONS",
				"-Xmx2g -Dfile.encoding=UTF-8");
		assertThat(MemoryDefaults.JVM.env(DynoSize.PERFORMANCE_L, Map.of())).containsEntry("JAVA_TOOL_OPTIONS",
				"-Xmx12g -Dfile.encoding=UTF-8");
	}

	@Test
	void nodeDynosGetAsManyProcessesAsFit() {
		assertThat(MemoryDefaults.NODE.env(DynoSize.STANDARD_1X, Map.of())).containsExactly(Map.entry("WEB_MEMORY", "512"),
				Map.entry("WEB_CONCURRENCY", "1"));
		assertThat(MemoryDefaults.NODE.env(DynoSize.STANDARD_2X, Map.of())).containsEntry("WEB_CONCURRENCY", "2");
		assertThat(MemoryDefaults.NODE.env(DynoSize.PERFORMANCE_M, Map.of())).containsEntry("WEB_CONCURRENCY", "5");
		assertThat(MemoryDefaults.NODE.env(DynoSize.PERFORMANCE_L, Map.of())).containsEntry("WEB_CONCURRENCY", "28");
	}

	@Test
	void nodeConcurrencyFollowsTheAppsWebMemoryAndIsAtLeastOne() {
		assertThat(MemoryDefaults.NODE.env(DynoSize.PERFORMANCE_M, Map.of("WEB_MEMORY", "256")))
			.containsExactly(Map.entry("WEB_CONCURRENCY", "10"));
		assertThat(MemoryDefaults.NODE.env(DynoSize.BASIC, Map.of("WEB_MEMORY", "1024")))
			.containsExactly(Map.entry("WEB_CONCURRENCY", "1"));
		assertThat(MemoryDefaults.NODE.env(DynoSize.BASIC, Map.of("WEB_MEMORY", "lots"))).isEmpty();
		assertThat(MemoryDefaults.NODE.env(DynoSize.BASIC, Map.of("WEB_MEMORY", "0"))).isEmpty();
	}

	@Test
	void configVarsTheAppSetWin() {
		assertThat(MemoryDefaults.JVM.env(DynoSize.BASIC, Map.of("JAVA_TOOL_OPTIONS", "-Xmx100m"))).isEmpty();
		assertThat(MemoryDefaults.NODE.env(DynoSize.PERFORMANCE_L, Map.of("WEB_CONCURRENCY", "3")))
			.containsExactly(Map.entry("WEB_MEMORY", "512"));
	}

	@Test
	void namedAsInBuildpackYml() {
		assertThat(MemoryDefaults.of("jvm")).contains(MemoryDefaults.JVM);
		assertThat(MemoryDefaults.of("node")).contains(MemoryDefaults.NODE);
		assertThat(MemoryDefaults.of(null)).isEmpty();
		assertThat(MemoryDefaults.of("python")).isEmpty();
	}

}
