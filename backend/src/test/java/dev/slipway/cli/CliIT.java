package dev.slipway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.OtherUser;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code slipway} command run as a process against a real Slipway, as a user types it: with
 * its own HOME, so ~/.netrc and the config file are the test's.
 */
class CliIT {

	private static final Path LAUNCHER = Path.of("../cli/slipway").toAbsolutePath().normalize();

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static SlipwayUnderTest slipway;

	static OtherUser user;

	static Path home;

	@BeforeAll
	static void logIn() throws IOException {
		assertThat(Path.of("../cli/target/slipway.jar")).as("build the cli module first").exists();
		slipway = SlipwayUnderTest.shared();
		user = OtherUser.create(slipway, "cli");
		home = Files.createTempDirectory("slipway-cli-home-");
		Result login = slipwayAs(home, home, user.email() + "\n" + user.password() + "\n", "login", slipway.baseUrl());
		assertThat(login.exitCode()).as(login.toString()).isZero();
		assertThat(login.out()).contains("Logged in").contains(user.email());
	}

	@AfterAll
	static void logOut() {
		if (home != null) {
			slipway(home, "logout");
		}
	}

	@Test
	void loginKeepsTheTokenInNetrcWhereGitFindsItAndWhoamiNamesTheUser() throws IOException {
		String netrc = Files.readString(home.resolve(".netrc"));
		assertThat(netrc).contains("machine " + URI.create(slipway.baseUrl()).getHost()).contains("login " + user.email());
		assertThat(slipway(home, "whoami").out()).isEqualTo(user.email() + "\n");
	}

	@Test
	void everyVerbAgainstARealApp() throws IOException {
		GitProject project = GitProject.sample("procfile");
		String app = "cli-" + Long.toString(System.nanoTime(), 36);

		Result created = slipway(project.directory(), "apps:create", app);
		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertThat(project.git("remote", "get-url", "slipway").strip()).isEqualTo(slipway.baseUrl() + "/git/" + app + ".git");

		Result push = git(project.directory(), "push", "slipway", "main");
		assertThat(push.exitCode()).as("a plain git push after slipway login asks nothing: " + push).isZero();
		assertThat(RouterClient.get(app).body()).contains("dyno=web.1");

		JsonNode info = json(slipway(project.directory(), "apps:info", "--json"));
		assertThat(info.get("name").asString()).as("the app from the git remote").isEqualTo(app);
		assertThat(slipway(project.directory(), "open", "/env/PATH").out().strip())
			.isEqualTo(info.get("web_url").asString() + "env/PATH")
			.startsWith("http://" + app + ".localhost:" + RouterClient.PORT);
		assertThat(json(slipway(home, "apps", "--json")).findValuesAsString("name")).contains(app);

		String tricky = "a=b#c \"q\" $HOME  it's ";
		Result set = slipway(project.directory(), "config:set", "TRICKY=" + tricky, "PLAIN=x");
		assertThat(set.exitCode()).as(set.toString()).isZero();
		assertThat(slipway(project.directory(), "config:get", "TRICKY").out()).isEqualTo(tricky + "\n");
		assertThat(RouterClient.get(app + ".localhost", "/env/TRICKY", null).body()).isEqualTo(tricky);
		assertThat(json(slipway(home, "config", "-a", app, "--json")).get("PLAIN").asString()).isEqualTo("x");
		assertThat(slipway(project.directory(), "config:unset", "PLAIN").exitCode()).isZero();
		assertThat(json(slipway(project.directory(), "config", "--json")).has("PLAIN")).isFalse();

		Result scaled = slipway(project.directory(), "ps:scale", "web=2");
		assertThat(scaled.exitCode()).as(scaled.toString()).isZero();
		assertThat(scaled.out()).containsPattern("web\\s+2");
		assertThat(json(slipway(project.directory(), "ps", "--json")).findValuesAsString("name")).contains("web.1", "web.2");
		assertThat(slipway(project.directory(), "ps").out()).contains("web.2");

		assertThat(tailUntil(project.directory(), "listening on", () -> {
		}, "logs", "--tail", "--source", "app", "--dyno", "web")).contains("listening on");
		String marker = "cli-marker-" + System.nanoTime();
		assertThat(tailUntil(project.directory(), marker,
				() -> assertThat(slipway(project.directory(), "run", "--detach", "echo", marker).exitCode()).isZero(),
				"logs", "--tail", "--source", "app"))
			.as("logs --tail shows a line the app writes while it follows").contains(marker);
		assertThat(slipway(project.directory(), "logs", "-n", "5").exitCode()).isZero();

		JsonNode releases = json(slipway(project.directory(), "releases", "--json"));
		int current = releases.get(0).get("version").asInt();
		Result rollback = slipway(project.directory(), "rollback");
		assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
		assertThat(rollback.out()).contains("done, v" + (current + 1));
		JsonNode rolledBack = json(slipway(project.directory(), "releases:info", "--json"));
		assertThat(rolledBack.get("version").asInt()).isEqualTo(current + 1);
		assertThat(rolledBack.get("config_keys").valueStream().map(JsonNode::asString)).contains("PLAIN");

		assertThat(slipway(project.directory(), "domains:add", app + ".example.com").exitCode()).isZero();
		assertThat(json(slipway(project.directory(), "domains", "--json")).findValuesAsString("hostname"))
			.containsExactly(app + ".example.com");
		assertThat(slipway(project.directory(), "domains:remove", app + ".example.com").exitCode()).isZero();
		assertThat(json(slipway(project.directory(), "domains", "--json"))).isEmpty();

		JsonNode builds = json(slipway(project.directory(), "builds", "--json"));
		assertThat(builds).hasSize(1);
		assertThat(slipway(project.directory(), "builds:output").out()).contains("Procfile");
		assertThat(slipway(project.directory(), "buildpacks:set", "node").exitCode()).isZero();
		assertThat(json(slipway(project.directory(), "buildpacks", "--json")).get("buildpack").asString()).isEqualTo("node");
		Result addon = slipway(project.directory(), "addons:create", "postgresql");
		assertThat(addon.exitCode()).as(addon.toString()).isZero();
		JsonNode addons = json(slipway(project.directory(), "addons", "--json"));
		assertThat(addons).hasSize(1);
		assertThat(slipway(project.directory(), "config:get", "DATABASE_URL").out()).startsWith("postgres");
		String addonName = addons.get(0).get("name").asString();
		assertThat(slipway(project.directory(), "addons:destroy", addonName).exitCode()).isEqualTo(1);
		assertThat(slipway(project.directory(), "addons:destroy", addonName, "--confirm", app).exitCode()).isZero();
		assertThat(json(slipway(project.directory(), "addons", "--json"))).isEmpty();

		assertThat(slipway(project.directory(), "ps:restart").exitCode()).isZero();

		Result unconfirmed = slipway(project.directory(), "apps:destroy");
		assertThat(unconfirmed.exitCode()).isEqualTo(1);
		assertThat(unconfirmed.err()).contains("--confirm " + app);
		assertThat(slipway(project.directory(), "apps:destroy", "--confirm", app).exitCode()).isZero();
		assertThat(json(slipway(home, "apps", "--json")).findValuesAsString("name")).doesNotContain(app);
	}

	@Test
	void aWrongAppOrNoAppExitsOneWithWhatToDo() {
		Result wrong = slipway(home, "config", "-a", "no-such-app-here");
		assertThat(wrong.exitCode()).isEqualTo(1);
		assertThat(wrong.err()).contains("no-such-app-here");
		assertThat(wrong.out()).isEmpty();

		Result none = slipway(home, "ps");
		assertThat(none.exitCode()).isEqualTo(1);
		assertThat(none.err()).contains("-a APP");
	}

	@Test
	void anAppCreatedWithoutANameGetsOneMadeUp() {
		Result created = slipway(home, "apps:create");
		assertThat(created.exitCode()).as(created.toString()).isZero();
		String app = created.out().replaceAll("(?s)^Created ([a-z0-9-]+) .*", "$1");
		assertThat(app).matches("[a-z]+-[a-z]+-\\d{4}");
		assertThat(created.out()).as("outside a repository, no remote").doesNotContain("Git remote");
		assertThat(slipway(home, "apps:destroy", "-a", app, "--confirm", app).exitCode()).isZero();
	}

	@Test
	void aUsageErrorExitsTwoAndEveryVerbHasHelp() {
		assertThat(slipway(home, "ps:scale", "--no-such-flag").exitCode()).isEqualTo(2);
		Result help = slipway(home, "config:set", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("KEY=VALUE").contains("--app");
	}

	@Test
	void completionScriptsForBashAndZsh() throws IOException {
		Path script = Files.writeString(home.resolve("completion.bash"), slipway(home, "completion", "bash").out());
		Result completed = run(List.of("bash", "-c", "source " + script
				+ "; COMP_WORDS=(slipway config:se); COMP_CWORD=1; _complete_slipway 2>/dev/null; echo \"${COMPREPLY[@]}\""),
				home, home, "");
		assertThat(completed.out().strip()).as("bash completes a verb with a colon").isEqualTo("config:set");
		assertThat(slipway(home, "completion", "zsh").out()).contains("bashcompinit");
	}

	@Test
	void logoutRevokesTheTokenAndRemovesIt() throws IOException {
		Path other = Files.createTempDirectory("slipway-cli-home-");
		assertThat(slipwayAs(other, other, user.email() + "\n" + user.password() + "\n", "login", slipway.baseUrl()).exitCode())
			.isZero();
		String token = Files.readString(other.resolve(".netrc")).replaceAll("(?s).*password (\\S+).*", "$1");

		assertThat(slipwayAs(other, other, "", "logout").exitCode()).isZero();

		assertThat(Files.readString(other.resolve(".netrc"))).doesNotContain(token);
		assertThat(Http.api(slipway.baseUrl(), token).get("/api/account").status()).isEqualTo(401);
		Result whoami = slipwayAs(other, other, "", "whoami");
		assertThat(whoami.exitCode()).isEqualTo(1);
		assertThat(whoami.err()).contains("slipway login");
	}

	record Result(int exitCode, String out, String err) {
	}

	private static JsonNode json(Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return JSON.readTree(result.out());
	}

	/** The CLI as the logged-in user, in {@code directory}. */
	private static Result slipway(Path directory, String... arguments) {
		return slipwayAs(home, directory, "", arguments);
	}

	private static Result slipwayAs(Path userHome, Path directory, String stdin, String... arguments) {
		List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
		command.addAll(List.of(arguments));
		return run(command, userHome, directory, stdin);
	}

	private static Result git(Path directory, String... arguments) {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(arguments));
		return run(command, home, directory, "");
	}

	/** Runs a command as the user: HOME is the test's, and git may not prompt, so a missing credential fails. */
	private static Result run(List<String> command, Path userHome, Path directory, String stdin) {
		try {
			Path input = Files.createTempFile("slipway-cli-stdin-", ".txt");
			Files.writeString(input, stdin);
			Process process = processBuilder(command, userHome, directory).redirectInput(input.toFile()).start();
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			String out = read(process.getInputStream());
			if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish within " + TIMEOUT);
			}
			Files.delete(input);
			return new Result(process.exitValue(), out, err.join());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Runs the command, then {@code meanwhile}, until a line containing {@code text} arrives; all lines so far. */
	private static String tailUntil(Path directory, String text, Runnable meanwhile, String... arguments) {
		List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
		command.addAll(List.of(arguments));
		StringBuilder lines = new StringBuilder();
		try {
			Process process = processBuilder(command, home, directory).redirectErrorStream(true).start();
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				CompletableFuture<Void> found = CompletableFuture.runAsync(() -> {
					try {
						for (String line = reader.readLine(); line != null; line = reader.readLine()) {
							lines.append(line).append('\n');
							if (line.contains(text)) {
								return;
							}
						}
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
				meanwhile.run();
				found.get(1, TimeUnit.MINUTES);
				assertThat(process.isAlive()).as("a tail keeps following").isTrue();
			}
			finally {
				process.destroy();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("No line with '" + text + "' from " + command + ": " + lines, ex);
		}
		return lines.toString();
	}

	private static ProcessBuilder processBuilder(List<String> command, Path userHome, Path directory) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("HOME", userHome.toString());
		environment.remove("SLIPWAY_URL");
		environment.remove("SLIPWAY_API_KEY");
		environment.remove("XDG_CONFIG_HOME");
		environment.put("GIT_TERMINAL_PROMPT", "0");
		// open's browser: one that prints the address it is given.
		environment.put("BROWSER", "echo");
		environment.remove("GIT_ASKPASS");
		environment.remove("SSH_ASKPASS");
		return builder;
	}

	private static String read(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
