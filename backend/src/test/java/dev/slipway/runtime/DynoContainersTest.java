package dev.slipway.runtime;

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

}
