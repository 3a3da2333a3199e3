package dev.slipway.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.RouterLoad;
import dev.slipway.test.SlipwayProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane killed (SIGKILL) at each stage of a rollout, of a config change and of an app
 * delete; started again on the same data, it converges: exactly one release serves, the releases
 * list tells the truth, and nothing of an interrupted change is left running. Each stage is
 * recognised from what the push or the API shows, never from a sleep.
 */
class CrashRecoveryIT {

	private static final String DOCKERFILE = """
			FROM slipway/stack:trixie
			COPY --chown=app:app . /app
			USER app
			CMD ["/app/server.sh"]
			""";

	/** Answers "crash v1 greeting=…"; ignores SIGTERM, so stopping one of its dynos takes the whole stop timeout. */
	private static final String SERVER = """
			#!/bin/sh
			exec perl -MIO::Socket::INET -e '
			  $| = 1;
			  $SIG{TERM} = "IGNORE";
			  my $server = IO::Socket::INET->new(LocalPort => $ENV{PORT}, Listen => 50, ReuseAddr => 1) or die "listen: $!";
			  while (my $client = $server->accept) {
			    while (my $line = <$client>) { last if $line =~ /^\\r?\\n$/ }
			    my $body = "crash v1 greeting=$ENV{GREETING}\\n";
			    print $client "HTTP/1.1 200 OK\\r\\nContent-Length: " . length($body) . "\\r\\nConnection: close\\r\\n\\r\\n$body";
			    close $client;
			  }'
			""";

	private static final String WEB = "web: /app/server.sh\n";

	private static final String WORKER = "worker: exec sleep 100000\n";

	static SlipwayProcess slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayProcess.shared();
	}

	@Test
	void aCrashAtEachStageOfARolloutLeavesExactlyOneReleaseServing() throws Exception {
		String app = slipway.createApp("crash");
		GitProject project = project(WEB + WORKER);
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		assertThat(slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", "worker", "quantity", 1))))
			.status()).isEqualTo(200);
		assertServes(app, "crash v1");
		RouterLoad load = RouterLoad.start(slipway.routerPort(), app, 4);

		// During the release phase: nothing of v2 runs yet.
		project.replace("server.sh", "crash v1", "crash v2").write("Procfile", WEB + WORKER + "release: sleep 30\n").commit("v2");
		pushAndCrashAt(project, app, "Running the release phase");
		assertInterrupted(app, 2);
		assertServes(app, "crash v1");
		assertThat(slipway.containers(app, "dev.slipway.release=2")).isEmpty();
		assertThat(slipway.containers(app)).hasSize(2);

		// With the new web dyno booting, before the router switches to it.
		project.replace("server.sh", "crash v2", "crash v3")
			.write("Procfile", "web: sleep 8 && exec /app/server.sh\n" + WORKER)
			.commit("v3 binds late");
		pushAndCrashAt(project, app, "Starting 1 web dyno of v3");
		assertInterrupted(app, 3);
		assertServes(app, "crash v1");
		assertThat(slipway.containers(app, "dev.slipway.release=3")).isEmpty();
		assertThat(slipway.containers(app)).hasSize(2);

		// After the switch, while the other dynos start and before the old ones stop (they ignore SIGTERM).
		project.replace("server.sh", "crash v3", "crash v4").write("Procfile", WEB + WORKER).commit("v4");
		pushAndCrashAt(project, app, "The router sends requests to v4");
		JsonNode v4 = release(app, 4);
		assertThat(v4.get("status").asString()).as(v4.toString()).isEqualTo("succeeded");
		assertThat(v4.get("current").asBoolean()).isTrue();
		assertServes(app, "crash v4");
		slipway.awaitNoContainers(app, Duration.ofSeconds(90), "dev.slipway.release=1");
		awaitContainers(app, 2, "dev.slipway.release=4");
		assertThat(slipway.containers(app)).hasSize(2);
		assertServes(app, "crash v4");
		assertThat(RouterLoad.all(load.stop())).as("requests across three crashes").allMatch(answer -> answer.status() == 200);
	}

	@Test
	void aCrashDuringAConfigChangeRestoresTheConfigAndDuringADeleteTheDeleteFinishes() throws Exception {
		String app = slipway.createApp("crash-config");
		assertThat(project("web: sleep 5 && exec /app/server.sh\n").push(slipway, app, slipway.adminToken()).succeeded())
			.isTrue();
		assertThat(slipway.adminApi().patch("/api/apps/" + app + "/config-vars", Map.of("GREETING", "before")).status())
			.isEqualTo(200);
		assertServes(app, "crash v1 greeting=before");

		CompletableFuture<Http.Response> change = CompletableFuture
			.supplyAsync(() -> slipway.adminApi().patch("/api/apps/" + app + "/config-vars", Map.of("GREETING", "after")));
		awaitStartingDyno(app, 3);
		slipway.kill();
		assertThat(change).as("the change's request died with Slipway").failsWithin(Duration.ofMinutes(1));
		slipway.start();
		assertInterrupted(app, 3);
		assertThat(slipway.adminApi().get("/api/apps/" + app + "/config-vars").json().get("GREETING").asString())
			.isEqualTo("before");
		assertServes(app, "crash v1 greeting=before");
		assertThat(slipway.containers(app, "dev.slipway.release=3")).isEmpty();

		Http.Response addon = slipway.adminApi().post("/api/apps/" + app + "/addons", Map.of("plan", "heroku-postgresql"));
		assertThat(addon.status()).as(addon.toString()).isEqualTo(201);
		String database = addon.json().get("database").asString();
		// What an add-on's provisioning leaves when a crash comes before the add-on is recorded.
		psql("CREATE ROLE addon_interrupted LOGIN", "CREATE DATABASE addon_interrupted OWNER addon_interrupted");

		assertThat(slipway.adminApi().delete("/api/apps/" + app).status()).isEqualTo(204);
		slipway.kill();
		slipway.start();
		awaitGoneFromAddonServer(database, "addon_interrupted");
		assertThat(slipway.adminApi().get("/api/apps/" + app).status()).isEqualTo(404);
		assertThat(slipway.containers(app)).isEmpty();
		assertThat(DockerCli.run("network", "ls", "-q", "--filter", "label=dev.slipway.app=" + app,
				"--filter", "label=dev.slipway.instance=" + slipway.instance())).isEmpty();
		assertThat(Path.of("target", slipway.instance() + "-data", "git", app + ".git")).doesNotExist();
	}

	/** Waits until the add-on server has none of these databases and roles: it drops them once Slipway is ready. */
	private static void awaitGoneFromAddonServer(String... names) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		String left = psql("SELECT datname FROM pg_database UNION ALL SELECT rolname FROM pg_roles");
		while (left.lines().anyMatch(List.of(names)::contains)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The add-on server still has some of " + List.of(names) + ":\n" + left);
			}
			Thread.sleep(200);
			left = psql("SELECT datname FROM pg_database UNION ALL SELECT rolname FROM pg_roles");
		}
	}

	/** Runs SQL statements on the add-on server as its superuser; the output of the last. */
	private static String psql(String... statements) {
		String output = "";
		for (String statement : statements) {
			output = DockerCli.run("exec", slipway.instance() + "-addon-postgres", "psql", "-U", "postgres", "-Atc", statement);
		}
		return output;
	}

	private static GitProject project(String procfile) {
		return GitProject.create()
			.write("Dockerfile", DOCKERFILE)
			.write("server.sh", SERVER)
			.write("Procfile", procfile)
			.commit("v1");
	}

	/** Pushes, kills Slipway as soon as the push prints {@code stage}, and starts it again. */
	private static void pushAndCrashAt(GitProject project, String app, String stage) throws InterruptedException {
		CountDownLatch reached = new CountDownLatch(1);
		CompletableFuture<GitProject.Push> push = CompletableFuture
			.supplyAsync(() -> project.push(slipway.gitUrl(app, slipway.adminToken()), line -> {
				if (line.contains(stage)) {
					reached.countDown();
				}
			}));
		if (!reached.await(3, TimeUnit.MINUTES)) {
			throw new AssertionError("The push never printed " + stage + ": " + push.join());
		}
		slipway.kill();
		assertThat(push.join().succeeded()).as("the push died with Slipway").isFalse();
		slipway.start();
	}

	private static void assertInterrupted(String app, int version) {
		JsonNode release = release(app, version);
		assertThat(release.get("status").asString()).as(release.toString()).isEqualTo("failed");
		assertThat(release.get("failure").asString()).contains("Interrupted by a restart of Slipway");
		assertThat(release.get("current").asBoolean()).isFalse();
	}

	/** Every answer, over a while, is 200 with this body: one release serves, not two. */
	private static void assertServes(String app, String body) {
		RouterClient.await(slipway.routerPort(), app, answer -> answer.status() == 200, Duration.ofSeconds(30));
		for (int i = 0; i < 20; i++) {
			RouterClient.Answer answer = RouterClient.get(slipway.routerPort(), app);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.body()).startsWith(body);
		}
	}

	private static JsonNode release(String app, int version) {
		Http.Response release = slipway.adminApi().get("/api/apps/" + app + "/releases/v" + version);
		assertThat(release.status()).as(release.toString()).isEqualTo(200);
		return release.json();
	}

	/** Waits until the dynos API shows a dyno of the release booting, the change's rollout under way. */
	private static void awaitStartingDyno(String app, int release) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (slipway.adminApi()
			.get("/api/apps/" + app + "/dynos")
			.json()
			.valueStream()
			.noneMatch(dyno -> dyno.get("release").asInt() == release && dyno.get("state").asString().equals("starting"))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No dyno of v" + release + " of " + app + " ever started");
			}
			Thread.sleep(100);
		}
	}

	private static void awaitContainers(String app, int count, String label) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (slipway.containers(app, label).size() != count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(app + " has " + slipway.containers(app, label) + " labelled " + label
						+ ", not " + count);
			}
			Thread.sleep(200);
		}
	}

}
