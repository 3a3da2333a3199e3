package dev.slipway.cli;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

	@Test
	void everythingFromTheCommandsNameOnIsTheCommands() {
		CommandLine.ParseResult parsed = SlipwayCli.commandLine().parseArgs("run", "-a", "my-app", "ls", "-la", "--app", "x");
		RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();

		assertThat(run.app.app).isEqualTo("my-app");
		assertThat(run.command).isEqualTo(List.of("ls", "-la", "--app", "x"));
		assertThat(run.detach).isFalse();
	}

	@Test
	void theSocketIsWssForHttpsAndCarriesTheCommandAndTheTerminalEncoded() {
		URI plain = RunCommand.socketUri(URI.create("http://localhost:8080/"), "my-app", "echo a&b=c #d", null);
		assertThat(plain).hasToString("ws://localhost:8080/api/apps/my-app/dynos/run?command=echo%20a%26b%3Dc%20%23d");

		URI secure = RunCommand.socketUri(URI.create("https://slipway.example.com"), "my-app", "bash", null);
		assertThat(secure.getScheme()).isEqualTo("wss");
		assertThat(secure.getAuthority()).isEqualTo("slipway.example.com");
	}

}
