package dev.slipway.runtime;

import java.time.Duration;
import java.util.Map;

import dev.slipway.runtime.DynoContainers.DynoUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynoContainersTest {

	@Test
	void execsSimpleCommandsSoTheAppGetsSignalsItself() {
		assertThat(DynoContainers.shellCommand("node server.js --port $PORT")).isEqualTo("exec node server.js --port $PORT");
		assertThat(DynoContainers.shellCommand("  java -jar /app/app.jar ")).isEqualTo("exec java -jar /app/app.jar");
		assertThat(DynoContainers.shellCommand("echo ready")).isEqualTo("exec echo ready");
	}

	@Test
	void leavesWhatExecCannotRunToTheShell() {
		assertThat(DynoContainers.shellCommand("./migrate && ./server")).isEqualTo("./migrate && ./server");
		assertThat(DynoContainers.shellCommand("echo a; echo b")).isEqualTo("echo a; echo b");
		assertThat(DynoContainers.shellCommand("FOO=bar ./server")).isEqualTo("FOO=bar ./server");
		assertThat(DynoContainers.shellCommand("exit 7")).isEqualTo("exit 7");
		assertThat(DynoContainers.shellCommand("cd web")).isEqualTo("cd web");
		assertThat(DynoContainers.shellCommand("exec ./server")).isEqualTo("exec ./server");
		assertThat(DynoContainers.shellCommand(". ./env.sh")).isEqualTo(". ./env.sh");
		assertThat(DynoContainers.shellCommand("cat log | grep x")).isEqualTo("cat log | grep x");
		assertThat(DynoContainers.shellCommand("exiter --fast")).isEqualTo("exec exiter --fast");
	}

	@Test
	void dynosGetTheMemoryDefaultsOfTheirSizeBesideTheConfig() {
		DeploySpec spec = spec(Map.of("GREETING", "hi"), MemoryDefaults.JVM);
		assertThat(DynoContainers.environment(spec, "web.1", DynoSize.STANDARD_2X, 5000, DynoUser.IMAGE)).containsExactly("GREETING=hi",
				"JAVA_TOOL_OPTIONS=-Xmx671m -XX:CICompilerCount=2 -Dfile.encoding=UTF-8", "PORT=5000", "DYNO=web.1",
				"TINI_KILL_PROCESS_GROUP=1");
		assertThat(DynoContainers.environment(spec, "run.1", DynoSize.BASIC, 5000, DynoUser.IMAGE))
			.contains("JAVA_TOOL_OPTIONS=-Xmx300m -Xss512k -XX:CICompilerCount=2 -Dfile.encoding=UTF-8");
		assertThat(DynoContainers.environment(spec(Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m"), MemoryDefaults.JVM), "web.1",
				DynoSize.BASIC, 5000, DynoUser.IMAGE))
			.containsOnlyOnce("JAVA_TOOL_OPTIONS=-Xmx64m")
			.noneMatch(variable -> variable.contains("-Xmx300m"));
		assertThat(DynoContainers.environment(spec(Map.of(), null), "web.1", DynoSize.BASIC, 5000, DynoUser.IMAGE))
			.containsExactly("PORT=5000", "DYNO=web.1", "TINI_KILL_PROCESS_GROUP=1");
	}

	@Test
	void buildpackDynosSourceTheAppsProfileScriptsFirst() {
		String prelude = "for slipway_profile in /app/.profile.d/*.sh; do if [ -r \"$slipway_profile\" ]; then "
				+ ". \"$slipway_profile\"; fi; done; unset slipway_profile; ";
		assertThat(DynoContainers.profileCommand("node server.js")).isEqualTo(prelude + "exec node server.js");
		assertThat(DynoContainers.profileCommand("echo \"cannot start\" >&2; exit 3"))
			.isEqualTo(prelude + "echo \"cannot start\" >&2; exit 3");
	}

	@Test
	void buildpackDynosLiveInTheirAppDirectory() {
		assertThat(DynoContainers.environment(spec(Map.of(), null, true), "web.1", DynoSize.BASIC, 5000, DynoUser.IMAGE))
			.containsExactly("HOME=/app", "PORT=5000", "DYNO=web.1", "TINI_KILL_PROCESS_GROUP=1");
		assertThat(DynoContainers.environment(spec(Map.of("HOME", "/srv"), null, true), "web.1", DynoSize.BASIC, 5000, DynoUser.IMAGE))
			.containsOnlyOnce("HOME=/srv")
			.doesNotContain("HOME=/app");
		assertThat(DynoContainers.environment(spec(Map.of(), null, false), "web.1", DynoSize.BASIC, 5000, DynoUser.IMAGE))
			.noneMatch(variable -> variable.startsWith("HOME="));
	}

	@Test
	void unprivilegedDynosLiveInADirectoryTheyMayWrite() {
		assertThat(DynoContainers.environment(spec(Map.of(), null), "web.1", DynoSize.BASIC, 5000, DynoUser.UNPRIVILEGED))
			.containsExactly("HOME=/tmp", "PORT=5000", "DYNO=web.1", "TINI_KILL_PROCESS_GROUP=1");
		assertThat(DynoContainers.environment(spec(Map.of("HOME", "/data"), null), "web.1", DynoSize.BASIC, 5000,
				DynoUser.UNPRIVILEGED))
			.containsOnlyOnce("HOME=/data")
			.doesNotContain("HOME=/tmp");
		assertThat(DynoContainers.environment(spec(Map.of(), null), "web.1", DynoSize.BASIC, 5000, DynoUser.ROOT))
			.noneMatch(variable -> variable.startsWith("HOME="));
	}

	static DeploySpec spec(Map<String, String> env, MemoryDefaults memoryDefaults) {
		return spec(env, memoryDefaults, false);
	}

	static DeploySpec spec(Map<String, String> env, MemoryDefaults memoryDefaults, boolean builtByBuildpack) {
		return new DeploySpec(1, "app", 1, "image", Map.of("web", "./server"), env, Duration.ofSeconds(60), null,
				memoryDefaults, builtByBuildpack, Map.of());
	}

}
