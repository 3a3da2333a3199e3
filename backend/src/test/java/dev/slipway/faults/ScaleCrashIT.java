package dev.slipway.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterLoad;
import dev.slipway.test.SlipwayProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane killed (SIGKILL) while it scales: started again, the dynos that run are exactly
 * the formation it stored, by process type, number and size, with no container left over and none
 * missing, and the app serves throughout.
 */
class ScaleCrashIT {

	private static final String DOCKERFILE = """
			FROM slipway/stack:trixie
			COPY --chown=app:app . /app
			USER app
			CMD ["/app/server.sh"]
			""";

	private static final String SERVER = """
			#!/bin/sh
			exec perl -MIO::Socket::INET -e '
			  $| = 1;
			  my $server = IO::Socket::INET->new(LocalPort => $ENV{PORT}, Listen => 50, ReuseAddr => 1) or die "listen: $!";
			  while (my $client = $server->accept) {
			    while (my $line = <$client>) { last if $line =~ /^\\r?\\n$/ }
			    my $body = "scaled $ENV{DYNO}\\n";
			    print $client "HTTP/1.1 200 OK\\r\\nContent-Length: " . length($body) . "\\r\\nConnection: close\\r\\n\\r\\n$body";
			    close $client;
			  }'
			""";

	/** Web dynos bind late, so a scale-up is caught while they boot; workers ignore SIGTERM, so a scale-down is caught while they stop. */
	private static final String PROCFILE = """
			web: sleep 5 && exec /app/server.sh
			worker: exec perl -e '$SIG{TERM} = "IGNORE"; sleep 1 while 1'
			""";

	static SlipwayProcess slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayProcess.shared();
	}

	@Test
	void aCrashWhileScalingLeavesExactlyTheStoredFormationRunning() throws Exception {
		String app = slipway.createApp("scale-crash");
		GitProject project = GitProject.create()
			.write("Dockerfile", DOCKERFILE)
			.write("server.sh", SERVER)
			.write("Procfile", PROCFILE)
			.commit("v1");
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		assertThat(scale(app, "worker", 3, null).status()).isEqualTo(200);
		awaitFormation(app, "worker", 3, "standard-1x");
		RouterLoad load = RouterLoad.start(slipway.routerPort(), app, 2);

		// Scaling up and resizing web at once: killed while dynos of the new size boot, web.1 of the old one serving.
		CompletableFuture<Http.Response> scaleUp = CompletableFuture.supplyAsync(() -> scale(app, "web", 3, "standard-2x"));
		awaitDyno(app, dyno -> dyno.get("size").asString().equals("standard-2x") && dyno.get("state").asString().equals("starting"));
		slipway.kill();
		assertThat(scaleUp).as("the scaling request died with Slipway").failsWithin(Duration.ofMinutes(1));
		slipway.start();
		JsonNode stored = formation(app, "web");
		assertThat(stored.get("quantity").asInt()).as("what the request stored before the crash").isEqualTo(3);
		assertThat(stored.get("size").asString()).isEqualTo("standard-2x");
		awaitFormation(app, "web", 3, "standard-2x");
		awaitFormation(app, "worker", 3, "standard-1x");

		// Scaling down: killed while the workers past the new quantity are stopping (they take the stop timeout).
		assertThat(scale(app, "worker", 1, null).status()).isEqualTo(200);
		slipway.kill();
		assertThat(slipway.containers(app, "dev.slipway.process=worker")).as("the scale-down was under way").hasSize(3);
		slipway.start();
		awaitFormation(app, "worker", 1, "standard-1x");
		awaitFormation(app, "web", 3, "standard-2x");

		assertThat(RouterLoad.all(load.stop())).as("requests across both crashes").allMatch(answer -> answer.status() == 200);
		assertThat(slipway.containers(app)).hasSize(4);
	}

	private static Http.Response scale(String app, String type, int quantity, String size) {
		Map<String, Object> update = size == null ? Map.of("type", type, "quantity", quantity)
				: Map.of("type", type, "quantity", quantity, "size", size);
		return slipway.adminApi().patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(update)));
	}

	private static JsonNode formation(String app, String type) {
		return slipway.adminApi()
			.get("/api/apps/" + app + "/formation")
			.json()
			.valueStream()
			.filter(each -> each.get("type").asString().equals(type))
			.findFirst()
			.orElseThrow();
	}

	private static List<JsonNode> dynos(String app) {
		return slipway.adminApi().get("/api/apps/" + app + "/dynos").json().valueStream().toList();
	}

	private static void awaitDyno(String app, Predicate<JsonNode> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (dynos(app).stream().noneMatch(condition)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No dyno of " + app + " as expected: " + dynos(app));
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Waits until Docker has exactly {@code quantity} containers of the type, one per index, all of the
	 * size, and the dynos API shows each of them up: what runs is what the formation says, nothing more.
	 */
	private static void awaitFormation(String app, String type, int quantity, String size) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!matches(app, type, quantity, size)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(app + " does not run " + quantity + " " + type + " dynos of size " + size
						+ ": containers " + slipway.containers(app, "dev.slipway.process=" + type) + ", dynos " + dynos(app));
			}
			Thread.sleep(250);
		}
		assertThat(formation(app, type).get("quantity").asInt()).isEqualTo(quantity);
	}

	private static boolean matches(String app, String type, int quantity, String size) {
		for (int index = 1; index <= quantity; index++) {
			if (slipway.containers(app, "dev.slipway.dyno=" + type + "." + index, "dev.slipway.size=" + size).size() != 1) {
				return false;
			}
		}
		List<JsonNode> dynos = dynos(app).stream().filter(dyno -> dyno.get("type").asString().equals(type)).toList();
		return slipway.containers(app, "dev.slipway.process=" + type).size() == quantity && dynos.size() == quantity
				&& dynos.stream().allMatch(dyno -> dyno.get("state").asString().equals("up"));
	}

}
