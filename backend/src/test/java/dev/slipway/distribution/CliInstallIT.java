package dev.slipway.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import dev.slipway.test.Command;
import dev.slipway.test.DockerCli;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user gets it: install.sh fetched from a real Slipway with no login and run
 * with a home of its own, which installs the jar the build made and a launcher that runs it; the
 * API names the version the installed command has, and an older command says how to update.
 */
class CliInstallIT {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	/** Debian with curl and no JDK; kept, like the tests' other images, as a build cache. */
	private static final String NO_JAVA_IMAGE = "slipway-test/curl-no-java:trixie";

	static SlipwayUnderTest slipway;

	@TempDir
	Path home;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void installsTheCommandForTheCurrentUserFromTheSlipwayItTalksTo() throws Exception {
		Command.Result installed = install();
		assertThat(installed.exitCode()).as(installed.output()).isZero();
		Path command = home.resolve(".local/bin/slipway");
		Path jar = home.resolve(".local/share/slipway/slipway.jar");
		assertThat(installed.output()).contains("Installed slipway ", "as " + command)
			.contains(home.resolve(".local/bin") + " is not on your PATH")
			.contains("Next: slipway login " + slipway.baseUrl());
		assertThat(Files.isExecutable(command)).isTrue();
		assertThat(Files.mismatch(jar, Path.of("../cli/target/slipway.jar"))).isEqualTo(-1L);

		String serverVersion = slipway.adminApi().get("/api/apps").header("Slipway-Version");
		assertThat(serverVersion).isNotBlank().isNotEqualTo("development");
		Command.Result version = run(List.of(command.toString(), "--version"));
		assertThat(version.exitCode()).as(version.output()).isZero();
		assertThat(version.output()).isEqualTo("slipway " + serverVersion + "\n");

		Command.Result apps = run(List.of(command.toString(), "apps"));
		assertThat(apps.exitCode()).as(apps.output()).isZero();
		assertThat(apps.output()).doesNotContain("older than");

		Command.Result again = install();
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(Files.mismatch(jar, Path.of("../cli/target/slipway.jar"))).isEqualTo(-1L);
	}

	@Test
	void aCommandOlderThanTheServerSaysHowToUpdateOnce() throws IOException {
		Path old = Files.createDirectories(home.resolve("old"));
		Files.copy(Path.of("../cli/slipway"), old.resolve("slipway"));
		withVersion(Path.of("../cli/target/slipway.jar"), "0.0.1", old.resolve("slipway.jar"));

		Command.Result apps = run(List.of("sh", old.resolve("slipway").toString(), "apps", "--json"));
		assertThat(apps.exitCode()).as(apps.output()).isZero();
		String warning = "Warning: this slipway command is 0.0.1, older than the Slipway at " + slipway.baseUrl() + " ("
				+ slipway.adminApi().get("/api/apps").header("Slipway-Version") + "); update it with: curl -fsSL "
				+ slipway.baseUrl() + "/cli/install.sh | sh\n";
		assertThat(apps.output()).startsWith(warning).containsOnlyOnce("older than");
	}

	@Test
	void theDownloadsNeedNoLoginAndTheApiTellsItsVersionEvenToARefusal() {
		Http anonymous = Http.browser(slipway.baseUrl());
		Http.Response jar = anonymous.get("/cli/slipway.jar");
		assertThat(jar.status()).isEqualTo(200);
		assertThat(jar.header("Content-Type")).isEqualTo("application/java-archive");
		Http.Response launcher = anonymous.get("/cli/slipway");
		assertThat(launcher.status()).isEqualTo(200);
		assertThat(launcher.body()).startsWith("#!/bin/sh").contains("slipway.jar");

		Http.Response refused = anonymous.get("/api/apps");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("Slipway-Version")).isEqualTo(slipway.adminApi().get("/api/apps").header("Slipway-Version"));
		assertThat(anonymous.get("/healthz").header("Slipway-Version")).isNull();
	}

	/**
	 * On a machine with no Java 21 or newer (Debian with curl and no JDK, in a container on this host's
	 * network), the script installs nothing and says what to install.
	 */
	@Test
	void installsNothingWithoutJava21AndSaysWhatToInstall(@TempDir Path context) throws IOException {
		Files.writeString(context.resolve("Dockerfile"), """
				FROM debian:trixie-slim
				RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
				""");
		DockerCli.run("build", "-q", "-t", NO_JAVA_IMAGE, context.toString());
		Command.Result installed = Command.run(List.of("docker", "run", "--rm", "--network", "host", NO_JAVA_IMAGE, "sh",
				"-c", "curl -fsSL \"$0/cli/install.sh\" | sh; status=$?; ls -d ~/.local/bin/slipway ~/.local/share/slipway; "
						+ "exit $status",
				slipway.baseUrl()), TIMEOUT);
		assertThat(installed.exitCode()).as(installed.output()).isEqualTo(1);
		assertThat(installed.output()).contains("needs Java 21 or newer", "apt-get install -y openjdk-21-jre-headless",
				"nothing was installed")
			.contains("cannot access '/root/.local/bin/slipway'", "cannot access '/root/.local/share/slipway'");
	}

	/** A copy of {@code jar} that says it is {@code version}, as an older build of the command would. */
	private static void withVersion(Path jar, String version, Path copy) throws IOException {
		try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
			Manifest manifest = in.getManifest();
			manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
			try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), manifest)) {
				for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
					out.putNextEntry(new JarEntry(entry.getName()));
					in.transferTo(out);
					out.closeEntry();
				}
			}
		}
	}

	/** {@code curl -fsSL <slipway>/cli/install.sh | sh}, as README says, with this test's home. */
	private Command.Result install() {
		return run(List.of("sh", "-c", "curl -fsSL \"$0/cli/install.sh\" | sh", slipway.baseUrl()));
	}

	private Command.Result run(List<String> command) {
		return Command.run(command, home, environment -> {
			environment.put("HOME", home.toString());
			environment.remove("XDG_DATA_HOME");
			environment.remove("XDG_CONFIG_HOME");
			environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
			environment.put("SLIPWAY_URL", slipway.baseUrl());
			environment.put("SLIPWAY_API_KEY", slipway.adminToken());
		}, TIMEOUT, line -> {
		});
	}

}
