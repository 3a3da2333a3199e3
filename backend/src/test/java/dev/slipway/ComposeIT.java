package dev.slipway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.slipway.test.Command;
import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker-compose.yml as the README's production section runs it: from a fresh clone of the
 * repository's HEAD, with a .env and the Compose client Debian installs ({@code docker-compose}, or
 * {@code docker compose}), Slipway builds its own image, starts its managed PostgreSQL and router
 * through the Docker socket, takes a {@code git push} and serves the app through the router. Needs no
 * Docker Hub image. Runs as {@code <slipway.it.instance>-compose} on the router port of the other tests'
 * Slipway + 40 (its router), + 41 (dashboard) and + 42 (database), so it never meets that Slipway or
 * another fork's, and removes what it started.
 */
class ComposeIT {

	static final String NAME = SlipwayUnderTest.INSTANCE + "-compose";

	static final int ROUTER_PORT = RouterClient.PORT + 40;

	static final int DASHBOARD_PORT = RouterClient.PORT + 41;

	static final int DATABASE_PORT = RouterClient.PORT + 42;

	/** Instead of the file's 2222, which another installation on the machine may hold. */
	static final int SSH_PORT = RouterClient.PORT + 44;

	static final String BASE_DOMAIN = "compose.slipway.test";

	static final String ADMIN_EMAIL = "admin@compose.slipway.test";

	static final String ADMIN_PASSWORD = "compose-horse-battery";

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Instant started = Instant.now();

	private final List<String> timings = new ArrayList<>();

	@Test
	void runsSlipwayFromAFreshCloneAndServesAPushedApp() throws Exception {
		List<String> compose = composeCommand();
		Path clone = Files.createTempDirectory("slipway-compose-");
		try {
			String head = run(REPOSITORY, List.of("git", "rev-parse", "HEAD"), Map.of(), Duration.ofSeconds(30)).strip();
			run(REPOSITORY, List.of("git", "clone", "-q", REPOSITORY.toString(), clone.toString()), Map.of(),
					Duration.ofMinutes(2));
			run(clone, List.of("git", "checkout", "-q", head), Map.of(), Duration.ofSeconds(30));
			Files.writeString(clone.resolve(".env"), dotEnv());
			lap("cloned " + head.substring(0, 10) + " with " + String.join(" ", compose));

			Map<String, String> environment = composeEnvironment();
			// Leftovers of an interrupted run have the same project name and instance labels.
			run(clone, concat(compose, "down", "-v"), environment, Duration.ofMinutes(2));
			DockerCli.removeInstance(NAME);

			try {
				run(clone, concat(compose, "up", "-d", "--build"), environment, Duration.ofMinutes(25));
				lap("image built and container started");
				String dashboard = "http://127.0.0.1:" + DASHBOARD_PORT;
				String container = run(clone, concat(compose, "ps", "-q", "slipway"), environment, Duration.ofMinutes(1)).strip();
				awaitDashboard(dashboard, container);
				lap("dashboard answers");
				// Its database and router are containers Slipway started through the socket, no Compose services.
				assertThat(DockerCli.run("inspect", "-f", "{{.State.Running}}", NAME + "-postgres", NAME + "-router"))
					.isEqualTo("true\ntrue");

				Http.Response created = Http.basic(dashboard, ADMIN_EMAIL, ADMIN_PASSWORD)
					.post("/api/tokens", Map.of("name", "compose-it"));
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				String token = created.json().get("token").asString();
				String app = "compose-" + UUID.randomUUID().toString().substring(0, 6);
				Http.Response app201 = Http.api(dashboard, token).post("/api/apps", Map.of("name", app));
				assertThat(app201.status()).as(app201.toString()).isEqualTo(201);

				GitProject.Push push = GitProject.sample("procfile")
					.push(dashboard.replace("http://", "http://git:" + token + "@") + "/git/" + app + ".git");
				System.out.println(push.output());
				assertThat(push.succeeded()).as(push.toString()).isTrue();
				assertThat(push.output()).contains("Released v1", "http://" + app + "." + BASE_DOMAIN + ":" + ROUTER_PORT);
				lap("git push built and released " + app);

				String answer = awaitRouted(app + "." + BASE_DOMAIN, Duration.ofSeconds(60));
				assertThat(answer).contains("shell v1 dyno=web.1");
				lap("router on port " + ROUTER_PORT + " serves " + app + "." + BASE_DOMAIN);
			}
			catch (AssertionError | RuntimeException ex) {
				System.out.println(tryRun(clone, concat(compose, "logs", "--no-color", "--tail", "80", "slipway"), environment));
				throw ex;
			}
			finally {
				tryRun(clone, concat(compose, "down", "-v"), environment);
				DockerCli.removeInstance(NAME);
				removeAppImages();
				lap("compose down -v, and the containers, volumes and networks of " + NAME + " removed");
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(clone);
			System.out.println("ComposeIT timings:\n  " + String.join("\n  ", timings));
		}
	}

	/** Debian's docker-compose (1.29 on Debian 12) when installed, else the Compose v2 plugin. */
	private static List<String> composeCommand() {
		if (tryRun(REPOSITORY, List.of("docker-compose", "version"), Map.of()).startsWith("0:")) {
			return List.of("docker-compose");
		}
		if (tryRun(REPOSITORY, List.of("docker", "compose", "version"), Map.of()).startsWith("0:")) {
			return List.of("docker", "compose");
		}
		return fail("No Compose client: install Debian's docker-compose (apt-get install -y docker-compose); "
				+ ".ci/run does this.");
	}

	private static String dotEnv() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("COMPOSE_PROJECT_NAME", NAME);
		env.put("SLIPWAY_NAME", NAME);
		env.put("SLIPWAY_PORT", String.valueOf(DASHBOARD_PORT));
		env.put("SLIPWAY_ROUTER_PORT", String.valueOf(ROUTER_PORT));
		env.put("SLIPWAY_ROUTER_HTTPS_PORT", String.valueOf(ROUTER_PORT + 3));
		env.put("SLIPWAY_DATABASE_PORT", String.valueOf(DATABASE_PORT));
		env.put("SLIPWAY_SSH_PORT", String.valueOf(SSH_PORT));
		env.put("SLIPWAY_BASE_DOMAIN", BASE_DOMAIN);
		env.put("SLIPWAY_ADMIN_EMAIL", ADMIN_EMAIL);
		env.put("SLIPWAY_ADMIN_PASSWORD", ADMIN_PASSWORD);
		String caFile = System.getenv("SLIPWAY_EXTRA_CA_FILE");
		if (caFile != null && !caFile.isBlank()) {
			// Mounted into the container, so it must be an absolute path on this machine.
			env.put("SLIPWAY_EXTRA_CA_FILE", Path.of(caFile).toAbsolutePath().toString());
		}
		StringBuilder text = new StringBuilder();
		env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

	/** The image build gets the extra CA bundle too (Maven inside it reaches Maven Central through the proxy). */
	private static Map<String, String> composeEnvironment() throws IOException {
		String caFile = System.getenv("SLIPWAY_EXTRA_CA_FILE");
		if (caFile == null || caFile.isBlank()) {
			return Map.of();
		}
		return Map.of("EXTRA_CA_PEM", Files.readString(Path.of(caFile)));
	}

	private void awaitDashboard(String dashboard, String container) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
		Instant nextReport = Instant.now().plusSeconds(10);
		String last = "no answer";
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(dashboard + "/healthz"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
				last = health.statusCode() + " " + health.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			if (Instant.now().isAfter(nextReport)) {
				String log = DockerCli.tryRun("logs", "--tail", "1", container).output().strip();
				System.out.println("[ComposeIT " + elapsed() + "] waiting for the dashboard (" + last + "); Slipway: "
						+ log.substring(log.lastIndexOf('\n') + 1));
				nextReport = Instant.now().plusSeconds(10);
			}
			Thread.sleep(1000);
		}
		fail("The dashboard did not answer within 10 minutes: " + last);
	}

	private static String awaitRouted(String host, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		String last = "no answer";
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> response = HTTP.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ROUTER_PORT + "/"))
							.header("Host", host)
							.timeout(Duration.ofSeconds(10))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return response.body();
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			Thread.sleep(500);
		}
		return fail("The router did not serve " + host + " within " + timeout.toSeconds() + " s: " + last);
	}

	/** The images of the apps this run deployed (Slipway's platform images and its own stay as a cache). */
	private static void removeAppImages() {
		String images = DockerCli.tryRun("images", "-q", "--filter", "reference=" + NAME + "-app/*").output().strip();
		for (String image : images.isEmpty() ? new String[0] : images.split("\\R")) {
			DockerCli.tryRun("rmi", "-f", image);
		}
	}

	private void lap(String what) {
		String line = elapsed() + " " + what;
		timings.add(line);
		System.out.println("[ComposeIT] " + line);
	}

	private String elapsed() {
		return String.format("%6.1f s", Duration.between(started, Instant.now()).toMillis() / 1000.0);
	}

	private static List<String> concat(List<String> command, String... args) {
		List<String> all = new ArrayList<>(command);
		all.addAll(Arrays.asList(args));
		return all;
	}

	/** Runs a command, echoing its output as it comes, and fails on a non-zero exit. */
	private String run(Path directory, List<String> command, Map<String, String> environment, Duration timeout) {
		System.out.println("[ComposeIT " + elapsed() + "] $ " + String.join(" ", command));
		Command.Result result = Command.run(command, directory, env -> env.putAll(environment), timeout,
				line -> System.out.println("    " + line));
		if (!result.succeeded()) {
			fail(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
		}
		return result.output();
	}

	/** Runs a command and returns "exit: output", never failing. */
	private static String tryRun(Path directory, List<String> command, Map<String, String> environment) {
		try {
			Command.Result result = Command.run(command, directory, env -> env.putAll(environment),
					Duration.ofMinutes(2), line -> {
					});
			return result.exitCode() + ": " + result.output();
		}
		catch (RuntimeException ex) {
			return "-1: " + ex.getMessage();
		}
	}

}
