package dev.slipway.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.slipway.test.Command;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.OtherUser;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * git push over SSH with the real ssh, git and slipway commands: a key added with {@code slipway keys:add}
 * deploys, a key removed is refused, and keys are checked and belong to one user.
 */
class SshPushIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aPushWithAKeyAddedByKeysAddDeploysAndARemovedKeyIsRefused() throws IOException {
		assertThat(Path.of("../cli/target/slipway.jar")).as("build the cli module first").exists();
		OtherUser user = OtherUser.create(slipway, "ssh");
		Path home = Files.createTempDirectory("slipway-ssh-home-");
		Path key = keyPair(home.resolve(".ssh").resolve("id_ed25519"), "ed25519");
		Cli added = cli(home, user, "keys:add");
		assertThat(added.exitCode()).as(added.toString()).isZero();
		assertThat(added.out()).contains("pusher@slipway.test").contains(fingerprint(key));
		Cli keys = cli(home, user, "keys", "--json");
		assertThat(JSON.readTree(keys.out()).findValuesAsString("fingerprint")).containsExactly(fingerprint(key));
		assertThat(cli(home, user, "keys").out()).contains("pusher@slipway.test").contains("ssh-ed25519 AAAAC3NzaC...");

		Cli privateKey = cli(home, user, "keys:add", key.toString());
		assertThat(privateKey.exitCode()).isEqualTo(1);
		assertThat(privateKey.err()).contains("is a private key").contains("id_ed25519.pub");

		String app = "ssh-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(user.api().post("/api/apps", Map.of("name", app)).status()).isEqualTo(201);
		GitProject project = GitProject.sample("procfile");
		GitProject.Push push = project.push(sshUrl(app), ssh(key), "main");
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("remote: ");
		RouterClient.Answer answer = RouterClient.await(app, response -> response.status() == 200, Duration.ofSeconds(20));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(Command.run(List.of("git", "ls-remote", sshUrl(app), "main"), project.directory(),
				environment -> environment.putAll(ssh(key)), Duration.ofMinutes(1), line -> {
				}).output()).as("a fetch over SSH sees what was pushed").startsWith(project.head());

		String adminApp = slipway.createApp("not-theirs");
		GitProject.Push foreign = project.push(sshUrl(adminApp), ssh(key), "main");
		assertThat(foreign.succeeded()).isFalse();
		assertThat(foreign.output()).contains("There is no app named '" + adminApp + "'.");

		Cli removed = cli(home, user, "keys:remove", "pusher@slipway.test");
		assertThat(removed.exitCode()).as(removed.toString()).isZero();
		assertThat(user.api().get("/api/keys").json()).isEmpty();
		project.write("CHANGES.md", "after the key went\n").commit("after the key went");
		GitProject.Push refused = project.push(sshUrl(app), ssh(key), "main");
		assertThat(refused.succeeded()).isFalse();
		assertThat(refused.output()).contains("Permission denied (publickey)");
		assertThat(user.api().get("/api/apps/" + app + "/builds").json()).hasSize(1);
	}

	@Test
	void keysAreCheckedAndBelongToOneUser() throws IOException {
		OtherUser first = OtherUser.create(slipway, "ssh-first");
		OtherUser second = OtherUser.create(slipway, "ssh-second");
		Path key = keyPair(Files.createTempDirectory("slipway-ssh-").resolve("id"), "ecdsa");
		String line = read(key.resolveSibling("id.pub"));
		Http.Response added = first.api().post("/api/keys", Map.of("public_key", line, "name", "laptop"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().get("name").asString()).isEqualTo("laptop");
		assertThat(first.api().get("/api/keys").json()).extracting(k -> k.get("fingerprint").asString())
			.containsExactly(fingerprint(key));

		Http.Response taken = second.api().post("/api/keys", Map.of("public_key", line));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("code").asString()).isEqualTo("ssh_key_taken");
		assertThat(second.api().delete("/api/keys/" + added.json().get("id").asLong()).status()).isEqualTo(404);
		assertThat(second.api().get("/api/keys").json()).isEmpty();

		Http.Response garbage = second.api().post("/api/keys", Map.of("public_key", "ssh-ed25519 not-base64!"));
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.json().get("code").asString()).isEqualTo("invalid_ssh_key");
		assertThat(garbage.json().get("detail").asString()).contains("ssh-keygen -t ed25519");
		Http.Response weak = second.api().post("/api/keys",
				Map.of("public_key", read(keyPair(Files.createTempDirectory("slipway-ssh-").resolve("id"), "rsa", "-b", "1024").resolveSibling("id.pub"))));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("detail").asString()).contains("1024 bits");

		Command.Result shell = Command.run(List.of("ssh", "-p", String.valueOf(SlipwayUnderTest.SSH_PORT), "-i",
				key.toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
				"-o", "UserKnownHostsFile=/dev/null", "git@127.0.0.1", "cat /etc/passwd"), Duration.ofMinutes(1));
		assertThat(shell.exitCode()).isEqualTo(1);
		assertThat(shell.output()).contains("Slipway's SSH server takes git pushes and fetches only")
			.doesNotContain("root:");
	}

	@Test
	void theAccountPageAddsAndRemovesKeys() throws IOException {
		OtherUser user = OtherUser.create(slipway, "ssh-page");
		Path key = keyPair(Files.createTempDirectory("slipway-ssh-").resolve("id"), "ed25519");
		Http.Response added = user.browser()
			.submitForm("/account", "/account/keys", Map.of("publicKey", read(key.resolveSibling("id.pub"))));
		assertThat(added.status()).as(added.toString()).isEqualTo(302);
		String page = user.browser().get("/account").body();
		assertThat(page).contains("SSH key added").contains(fingerprint(key)).contains("pusher@slipway.test");

		Http.Response refused = user.browser().submitForm("/account", "/account/keys", Map.of("publicKey", "not a key"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Paste the whole line of your public key file");

		long id = user.api().get("/api/keys").json().get(0).get("id").asLong();
		Http.Response removed = user.browser().submitForm("/account", "/account/keys/" + id + "/remove", Map.of());
		assertThat(removed.status()).as(removed.toString()).isEqualTo(302);
		assertThat(user.api().get("/api/keys").json()).isEmpty();
	}

	private static String sshUrl(String app) {
		return "ssh://git@127.0.0.1:" + SlipwayUnderTest.SSH_PORT + "/" + app + ".git";
	}

	/** git's environment for pushing with the key {@code key} only, trusting Slipway's host key on first use. */
	private static Map<String, String> ssh(Path key) {
		return Map.of("GIT_SSH_COMMAND", "ssh -i " + key + " -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR "
				+ "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null");
	}

	/** A new key pair made by ssh-keygen, its private half at {@code key} and its public half beside it. */
	private static Path keyPair(Path key, String type, String... options) throws IOException {
		Files.createDirectories(key.getParent());
		List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C",
				"pusher@slipway.test", "-f", key.toString()));
		command.addAll(List.of(options));
		Command.Result made = Command.run(command, Duration.ofMinutes(1));
		assertThat(made.succeeded()).as(made.output()).isTrue();
		return key;
	}

	/** The built slipway command as {@code user}, with {@code home} as HOME (where keys:add looks for keys). */
	private static Cli cli(Path home, OtherUser user, String... arguments) {
		List<String> command = new ArrayList<>(List.of(Path.of("../cli/slipway").toAbsolutePath().normalize().toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		builder.environment().put("HOME", home.toString());
		builder.environment().put("SLIPWAY_URL", slipway.baseUrl());
		builder.environment().put("SLIPWAY_API_KEY", user.token());
		builder.environment().remove("XDG_CONFIG_HOME");
		try {
			Process process = builder.start();
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			String out = read(process.getInputStream());
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish within 2 minutes");
			}
			return new Cli(process.exitValue(), out, err.join());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String read(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Cli(int exitCode, String out, String err) {
	}

	/** The key's SHA-256 fingerprint as ssh-keygen shows it. */
	private static String fingerprint(Path key) {
		Command.Result shown = Command.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", key.toString()),
				Duration.ofMinutes(1));
		assertThat(shown.succeeded()).as(shown.output()).isTrue();
		return shown.output().split(" ")[1];
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
