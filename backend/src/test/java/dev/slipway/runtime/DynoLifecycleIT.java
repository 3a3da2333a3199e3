package dev.slipway.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.RouterLoad;
import dev.slipway.test.SlipwayProcess;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Dynos survive crashes, show when they crash, and apps keep serving while Slipway restarts. */
class DynoLifecycleIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aKilledProcessComesBackAndOneThatExitsAtOnceShowsAsCrashed() {
		String app = slipway.createApp("crashy");
		assertThat(GitProject.sample("procfile")
			.write("Procfile", "web: ./server.sh\nworker: echo working briefly && exit 3\n")
			.commit("a worker that exits at once")
			.push(slipway, app, slipway.adminToken())
			.succeeded()).isTrue();

		String web = RouterIT.containers(app).get(0);
		DockerCli.run("exec", web, "sh", "-c", "kill -9 $(cat /proc/1/task/1/children)");
		JsonNode restarted = awaitDyno(app, "web.1", dyno -> dyno.get("restarts").asInt() >= 1
				&& dyno.get("state").asString().equals("up"));
		assertThat(restarted.get("last_exit_code").asInt()).isEqualTo(137);
		RouterClient.await(app, answer -> answer.status() == 200, Duration.ofSeconds(20));

		var scaled = slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", "worker", "quantity", 1))));
		assertThat(scaled.status()).as(scaled.toString()).isEqualTo(200);
		JsonNode worker = awaitDyno(app, "worker.1", dyno -> dyno.get("state").asString().equals("crashed")
				&& dyno.get("restarts").asInt() >= 1);
		assertThat(worker.get("last_exit_code").asInt()).isEqualTo(3);
		assertThat(RouterClient.get(app).status()).as("scaling worker leaves web alone").isEqualTo(200);
		assertThat(dyno(app, "web.1").get("restarts").asInt()).isEqualTo(restarted.get("restarts").asInt());
	}

	@Test
	void restartingSlipwayFailsNoRequest() {
		String app = slipway.createApp("steady");
		assertThat(GitProject.sample("procfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		RouterClient.await(app, answer -> answer.status() == 200, Duration.ofSeconds(10));

		RouterLoad load = RouterLoad.start(RouterClient.PORT, app, 4);
		load.awaitAnswers(20);
		slipway.restart();
		load.awaitAnswers(20);
		List<RouterClient.Answer> answers = RouterLoad.all(load.stop());

		assertThat(answers).hasSizeGreaterThan(40).allMatch(answer -> answer.status() == 200);
		assertThat(slipway.adminApi().get("/api/apps/" + app + "/dynos").json().get(0).get("state").asString())
			.isEqualTo("up");
	}

	@Test
	void aCrashOfSlipwayFailsNoRequest() {
		SlipwayProcess crashing = SlipwayProcess.shared();
		String app = crashing.createApp("steady-crash");
		assertThat(GitProject.sample("procfile").push(crashing, app, crashing.adminToken()).succeeded()).isTrue();
		RouterClient.await(crashing.routerPort(), app, answer -> answer.status() == 200, Duration.ofSeconds(10));

		RouterLoad load = RouterLoad.start(crashing.routerPort(), app, 4);
		load.awaitAnswers(20);
		crashing.crashAndRestart();
		load.awaitAnswers(20);
		List<RouterClient.Answer> answers = RouterLoad.all(load.stop());

		assertThat(answers).hasSizeGreaterThan(40).allMatch(answer -> answer.status() == 200);
		assertThat(crashing.adminApi().get("/api/apps/" + app + "/dynos").json().valueStream())
			.singleElement()
			.satisfies(dyno -> assertThat(dyno.get("state").asString()).isEqualTo("up"));
		assertThat(crashing.containers(app)).hasSize(1);
	}

	private static JsonNode awaitDyno(String app, String name, Predicate<JsonNode> condition) {
		Instant deadline = Instant.now().plusSeconds(60);
		JsonNode last = null;
		while (Instant.now().isBefore(deadline)) {
			last = dyno(app, name);
			if (last != null && condition.test(last)) {
				return last;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError(name + " of " + app + " never got there; last seen: " + last);
	}

	private static JsonNode dyno(String app, String name) {
		return slipway.adminApi()
			.get("/api/apps/" + app + "/dynos")
			.json()
			.valueStream()
			.filter(dyno -> dyno.get("name").asString().equals(name))
			.findFirst()
			.orElse(null);
	}

}
