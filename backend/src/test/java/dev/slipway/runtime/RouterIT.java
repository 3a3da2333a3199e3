package dev.slipway.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A pushed app answers through the nginx router, with Heroku's headers, and scales across dynos. */
class RouterIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aPushEndsWithTheAppAnsweringThroughTheRouter() {
		String app = slipway.createApp("routed");
		assertThat(RouterClient.get(app).status()).isEqualTo(503);

		GitProject.Push push = GitProject.sample("procfile").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("-----> Released v1").contains("http://" + app + ".localhost:" + RouterClient.PORT + "/ deployed");

		String requestId = "client-request-id-0123456789";
		RouterClient.Answer answer = RouterClient.get(app + ".localhost", "/", requestId);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).startsWith("shell v1 dyno=web.1")
			.containsIgnoringCase("x-forwarded-for: 127.0.0.1")
			.containsIgnoringCase("x-forwarded-proto: http")
			.containsIgnoringCase("x-forwarded-port: " + RouterClient.PORT)
			.containsIgnoringCase("x-request-id: " + requestId)
			.containsPattern("(?i)x-request-start: \\d{13}");
		assertThat(RouterClient.get(app + ".localhost", "/", "too-short").body())
			.containsPattern("(?i)x-request-id: [0-9a-f]{32}");
		assertThat(RouterClient.get("no-such-app.localhost", "/", null).status()).isEqualTo(404);
	}

	@Test
	void scalesWebAcrossDynosAndBack() {
		String app = slipway.createApp("scaled");
		assertThat(GitProject.sample("procfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();

		scale(app, 3);
		assertThat(containers(app)).hasSize(3);
		Set<String> dynos = new HashSet<>();
		for (int i = 0; i < 30; i++) {
			RouterClient.Answer answer = RouterClient.get(app);
			assertThat(answer.status()).isEqualTo(200);
			dynos.add(answer.body().replaceAll("(?s).*dyno=(\\S+).*", "$1"));
		}
		assertThat(dynos).containsExactlyInAnyOrder("web.1", "web.2", "web.3");

		scale(app, 1);
		awaitContainers(app, 1);
		assertThat(RouterClient.get(app).body()).contains("dyno=web.1");
		assertThat(slipway.adminApi().get("/api/apps/" + app + "/dynos").json().size()).isEqualTo(1);
	}

	/**
	 * A restart's new web dynos have the release of those they replace: the router must leave the old
	 * ones with the switch. It kept them, so after the second restart it sent requests to addresses
	 * nothing answered on (or that Docker had given the new dyno, which a stale connection table of the
	 * old one made time out).
	 */
	@Test
	void restartsReplaceTheWebDynosWithoutARequestFailing() throws Exception {
		String app = slipway.createApp("restarts");
		assertThat(GitProject.sample("procfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		List<String> failed = new ArrayList<>();
		for (int restart = 1; restart <= 4; restart++) {
			Thread restarting = Thread.ofPlatform()
				.start(() -> assertThat(slipway.adminApi().delete("/api/apps/" + app + "/dynos").status()).isEqualTo(202));
			while (restarting.isAlive()) {
				answer(app, restart, failed);
			}
			for (int request = 0; request < 20; request++) {
				answer(app, restart, failed);
				Thread.sleep(50);
			}
		}
		assertThat(failed).isEmpty();
	}

	private static void answer(String app, int restart, List<String> failed) {
		RouterClient.Answer answer = RouterClient.get(app);
		if (answer.status() != 200 || !answer.body().startsWith("shell v1")) {
			failed.add("restart " + restart + ": " + answer.status() + " " + answer.body().strip());
		}
	}

	@Test
	void customDomainsReachTheApp() {
		String app = slipway.createApp("domains");
		assertThat(GitProject.sample("procfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		String hostname = app + ".example.test";
		assertThat(slipway.adminApi().post("/api/apps/" + app + "/domains", Map.of("hostname", hostname)).status())
			.isEqualTo(201);
		assertThat(RouterClient.get(hostname, "/", null).body()).startsWith("shell v1");
		// As long as DNS allows: nginx's default hash buckets refused names past about 50 characters.
		String longest = app + "-" + "a".repeat(62 - app.length()) + "." + "b".repeat(63) + "." + "c".repeat(63) + "."
				+ "d".repeat(61);
		assertThat(slipway.adminApi().post("/api/apps/" + app + "/domains", Map.of("hostname", longest)).status())
			.isEqualTo(201);
		assertThat(RouterClient.get(longest, "/", null).body()).startsWith("shell v1");
		assertThat(RouterClient.get(hostname, "/", null).body()).startsWith("shell v1");
		assertThat(slipway.adminApi().post("/api/apps/" + app + "/domains", Map.of("hostname", "not a host")).status())
			.isEqualTo(400);
		assertThat(slipway.adminApi().delete("/api/apps/" + app + "/domains/" + hostname).status()).isEqualTo(204);
		assertThat(RouterClient.get(hostname, "/", null).status()).isEqualTo(404);
	}

	static void scale(String app, int quantity) {
		var response = slipway.adminApi()
			.patch("/api/apps/" + app + "/formation",
					Map.of("updates", List.of(Map.of("type", "web", "quantity", quantity))));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	static List<String> containers(String app) {
		String output = DockerCli.run("ps", "-q", "--filter", "label=dev.slipway.instance=" + SlipwayUnderTest.INSTANCE,
				"--filter", "label=dev.slipway.app=" + app, "--filter", "label=dev.slipway.role=dyno");
		return output.isBlank() ? List.of() : List.of(output.split("\\R"));
	}

	static void awaitContainers(String app, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (containers(app).size() != count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(app + " runs " + containers(app).size() + " containers, not " + count);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
