package dev.slipway.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.test.Command;
import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slipway run}, the built command run as a process against a real Slipway: piped input to
 * its end and the exit status, stdout and stderr apart, and a TTY session typed into a terminal that
 * tmux emulates (prompt, output, window size, Ctrl-C, exit status).
 */
class CliRunIT {

	private static final Path LAUNCHER = Path.of("../cli/slipway").toAbsolutePath().normalize();

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	static SlipwayUnderTest slipway;

	static String app;

	@TempDir
	static Path home;

	@BeforeAll
	static void deploy() {
		assertThat(Path.of("../cli/target/slipway.jar")).as("build the cli module first").exists();
		slipway = SlipwayUnderTest.shared();
		app = slipway.createApp("run");
		assertThat(GitProject.sample("dockerfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
	}

	@AfterAll
	static void destroy() {
		if (app != null) {
			slipway.adminApi().delete("/api/apps/" + app);
		}
	}

	@Test
	void pipedInputRunsToItsEndAndTheExitStatusIsSlipways() {
		Command.Result result = shell("echo 'echo hi; exit 3' | " + slipwayRun() + " bash");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
		assertThat(result.output()).contains("hi\n").containsPattern("Running `bash` on .* " + app + "\\.\\.\\. up, run\\.\\d+");

		Command.Result counted = shell("printf 'one\\ntwo\\nthree\\n' | " + slipwayRun() + " wc -l");
		assertThat(counted.exitCode()).as("the end of the input reaches the dyno: " + counted.output()).isZero();
		assertThat(counted.output()).contains("3\n");
	}

	@Test
	void stdoutAndStderrStayApartWithoutATty() {
		Command.Result onlyOut = shell(slipwayRun() + " 'echo out; echo err >&2' </dev/null 2>/dev/null");
		assertThat(onlyOut.output()).isEqualTo("out\n");
		Command.Result onlyErr = shell(slipwayRun() + " 'echo out; echo err >&2' </dev/null 2>&1 >/dev/null");
		assertThat(onlyErr.output()).contains("err\n").doesNotContain("out\n");
	}

	@Test
	void aWrongAppFailsWithSlipwaysReason() {
		Command.Result result = shell(LAUNCHER + " run -a no-such-app-" + System.nanoTime() + " bash </dev/null");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).containsIgnoringCase("no app").contains("no-such-app-");
	}

	@Test
	void mistakesAreProblemDocumentsBeforeAnyDynoStarts() {
		String path = "/api/apps/" + app + "/dynos/run";
		assertThat(slipway.adminApi().get(path + "?command=bash&tty=true").json().get("code").asString())
			.isEqualTo("invalid_terminal_size");
		assertThat(slipway.adminApi().get(path + "?command=bash&tty=true&columns=0&rows=24").json().get("code").asString())
			.isEqualTo("invalid_terminal_size");
		assertThat(slipway.adminApi().get(path + "?command=+").json().get("code").asString()).isEqualTo("invalid_command");

		String empty = slipway.createApp("run-empty");
		Command.Result result = shell(LAUNCHER + " run -a " + empty + " bash </dev/null");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains(empty + " has no release yet: push code before running commands.");
		slipway.adminApi().delete("/api/apps/" + empty);
	}

	@Test
	void detachedOutputGoesToTheLogs() {
		Command.Result result = shell(slipwayRun() + " --detach 'echo detached-$((40+2))' </dev/null");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).containsPattern("up, run\\.\\d+");
		awaitTrue(() -> slipway.adminApi().get("/api/apps/" + app + "/logs?lines=200").body().contains("detached-42"),
				"the detached dyno's output in the app's logs");
	}

	@Test
	void aClientThatGoesAwayStopsItsDyno() throws IOException {
		Running running = Running.start(slipway.adminToken(), "sleep 300");
		String dyno = running.awaitDyno();
		assertThat(containers(dyno)).as("the dyno runs").isNotBlank();
		running.process().destroyForcibly();
		awaitTrue(() -> containers(dyno).isBlank(), "removal of " + dyno + " once its client was killed");
	}

	@Test
	void aRevokedTokenEndsTheSessionAndItsDyno() throws IOException, InterruptedException {
		JsonNode token = slipway.adminApi().post("/api/tokens", Map.of("name", "run-then-revoke")).json();
		Running running = Running.start(token.get("token").asString(), "sleep 300");
		String dyno = running.awaitDyno();
		assertThat(slipway.adminApi().delete("/api/tokens/" + token.get("id").asLong()).status()).isEqualTo(204);
		assertThat(running.process().waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("slipway run ended").isTrue();
		assertThat(running.process().exitValue()).isEqualTo(1);
		assertThat(running.errors()).contains("the API token was revoked");
		awaitTrue(() -> containers(dyno).isBlank(), "removal of " + dyno + " once its session ended");
	}

	/** A {@code slipway run} going on in the background, its standard error read as it comes. */
	private record Running(Process process, StringBuffer err) {

		static Running start(String token, String command) throws IOException {
			ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "run", "-a", app, command)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().putAll(Map.of("HOME", home.toString(), "SLIPWAY_URL", slipway.baseUrl(),
					"SLIPWAY_API_KEY", token));
			Process process = builder.start();
			StringBuffer err = new StringBuffer();
			Thread.ofVirtual().start(() -> {
				try (var reader = process.errorReader(StandardCharsets.UTF_8)) {
					reader.lines().forEach(line -> err.append(line).append('\n'));
				}
				catch (IOException ex) {
					err.append(ex);
				}
			});
			return new Running(process, err);
		}

		String errors() {
			return err.toString();
		}

		String awaitDyno() {
			Pattern up = Pattern.compile("up, (run\\.\\d+)");
			awaitTrue(() -> up.matcher(errors()).find(), "dyno started: " + errors());
			Matcher matcher = up.matcher(errors());
			assertThat(matcher.find()).isTrue();
			return matcher.group(1);
		}

	}

	/** The ids of the app's containers of that dyno, running or not. */
	private static String containers(String dyno) {
		return DockerCli.run("ps", "-aq", "--filter", "label=dev.slipway.app=" + app, "--filter",
				"label=dev.slipway.dyno=" + dyno).strip();
	}

	@Test
	void aTtySessionInTmuxSeesThePromptItsOutputItsSizeAndCtrlC() throws IOException {
		Path script = home.resolve("tty-session.sh");
		Files.writeString(script, "#!/bin/sh\n" + environment() + "\n" + slipwayRun() + " bash\necho \"slipway exited $?\"\nsleep 600\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		// tmux's own server, its socket in the test's directory, so no other tmux sees it and nothing is left behind.
		String socket = home.resolve("tmux.socket").toString();
		try {
			tmux(socket, "new-session", "-d", "-s", "run", "-x", "100", "-y", "30", script.toString());
			tmux(socket, "set-option", "-t", "run", "status", "off");
			String prompt = await(socket, screen -> screen.lines().anyMatch(line -> line.stripTrailing().endsWith("$")),
					"a shell prompt");
			assertThat(prompt).containsPattern("up, run\\.\\d+");

			type(socket, "echo answer=$((6*7)); stty size", "Enter");
			String size = await(socket, screen -> screen.contains("answer=42") && screen.matches("(?s).*\\n\\d+ \\d+\\s.*"),
					"the command's output and the TTY's size");
			assertThat(size).contains("answer=42").containsPattern("\\n30 100\\s");

			tmux(socket, "resize-window", "-t", "run", "-x", "120", "-y", "40");
			// The new size travels apart from what is typed, so a command typed at once may still see the old one.
			awaitAsking(socket, "clear; stty size", screen -> screen.contains("40 120"), "the TTY resized with the window");

			// Ctrl-C once the command runs: a shell that printed has reset SIGINT, so none is lost while bash forks.
			type(socket, "sh -c 'echo sleeping-$((2+3)); exec sleep 300'; echo not-interrupted", "Enter");
			await(socket, screen -> screen.lines().anyMatch(line -> line.strip().equals("sleeping-5")), "the command running");
			type(socket, "C-c");
			type(socket, "echo after-$((1+1))", "Enter");
			String interrupted = await(socket, screen -> screen.contains("after-2"), "Ctrl-C interrupting the remote sleep");
			assertThat(interrupted.lines().map(String::strip)).as("the sleep never finished").doesNotContain("not-interrupted");

			type(socket, "exit 5", "Enter");
			await(socket, screen -> screen.contains("slipway exited 5"), "slipway exiting with the shell's status");
		}
		finally {
			Command.run(List.of("tmux", "-S", socket, "kill-server"), Duration.ofSeconds(10));
		}
	}

	private static String slipwayRun() {
		return LAUNCHER + " run -a " + app;
	}

	/** The CLI's settings from the environment: this Slipway and the admin's token, HOME the test's own. */
	private static String environment() {
		return "export HOME='" + home + "' SLIPWAY_URL='" + slipway.baseUrl() + "' SLIPWAY_API_KEY='"
				+ slipway.adminToken() + "' TERM=xterm-256color";
	}

	private static Command.Result shell(String command) {
		return Command.run(List.of("sh", "-c", environment() + "; " + command), TIMEOUT);
	}

	private static void tmux(String socket, String... arguments) {
		List<String> command = new ArrayList<>(List.of("tmux", "-S", socket));
		command.addAll(List.of(arguments));
		Command.Result result = Command.run(command, Duration.ofSeconds(30));
		assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.output()).isZero();
	}

	private static void type(String socket, String... keys) {
		List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", "run"));
		arguments.addAll(List.of(keys));
		tmux(socket, arguments.toArray(String[]::new));
	}

	/** What the terminal shows once {@code ready} holds, waiting up to the timeout for it. */
	private static String await(String socket, Predicate<String> ready, String what) {
		Instant deadline = Instant.now().plus(TIMEOUT);
		String screen = "";
		while (Instant.now().isBefore(deadline)) {
			screen = Command.run(List.of("tmux", "-S", socket, "capture-pane", "-p", "-t", "run"), Duration.ofSeconds(30))
				.output();
			if (ready.test(screen)) {
				return screen;
			}
			sleep();
		}
		throw new AssertionError("No " + what + " within " + TIMEOUT.toSeconds() + " s; the terminal shows:\n" + screen);
	}

	/** Types {@code command} again and again until the terminal shows what {@code ready} wants. */
	private static void awaitAsking(String socket, String command, Predicate<String> ready, String what) {
		Instant deadline = Instant.now().plus(TIMEOUT);
		String screen = "";
		while (Instant.now().isBefore(deadline)) {
			type(socket, command, "Enter");
			sleep();
			screen = Command.run(List.of("tmux", "-S", socket, "capture-pane", "-p", "-t", "run"), Duration.ofSeconds(30))
				.output();
			if (ready.test(screen)) {
				return;
			}
		}
		throw new AssertionError("No " + what + " within " + TIMEOUT.toSeconds() + " s; the terminal shows:\n" + screen);
	}

	private static void awaitTrue(BooleanSupplier condition, String what) {
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("No " + what + " within " + TIMEOUT.toSeconds() + " s");
			}
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
