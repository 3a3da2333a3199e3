package dev.slipway.hostile;

import java.util.List;
import java.util.Map;

import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process types and formations past the limits: a 63-letter process type (once a 500 from
 * {@code sethostname} and a log line the store refused forever) and an app.json formation of
 * thousands of dynos are refused where they enter, naming the rule, and what ran keeps serving.
 */
class FormationAttackIT {

	private static final String LONG_TYPE = "w".repeat(63);

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aLongProcessTypeIsRefusedByThePushAndTheApi() {
		String app = slipway.createApp("long-type");
		GitProject project = GitProject.sample("procfile");
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();

		GitProject.Push refused = project.write("Procfile", "web: ./server.sh\n" + LONG_TYPE + ": ./server.sh\n")
			.commit("a long process type")
			.push(slipway, app, slipway.adminToken());
		assertThat(refused.succeeded()).isFalse();
		assertThat(refused.output()).contains("line 2: The process type '" + "w".repeat(30) + "…' is 63 characters long; "
				+ "process types have at most 30.");

		Http.Response scaled = slipway.adminApi().patch("/api/apps/" + app + "/formation/" + LONG_TYPE, Map.of("quantity", 1));
		assertProblem(scaled, 400, "invalid_process_type");
		Http.Response batch = slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", "web server", "quantity", 1))));
		assertProblem(batch, 400, "invalid_process_type");
		assertThat(RouterClient.get(app + ".localhost", "/", null).status()).isEqualTo(200);
	}

	@Test
	void anAppJsonFormationPastTheLimitIsRefusedBeforeAnythingRuns() {
		String app = slipway.createApp("huge-formation");
		GitProject.Push refused = GitProject.sample("procfile")
			.write("Procfile", "web: ./server.sh\nworker: ./server.sh\n")
			.write("app.json", "{\"formation\": {\"worker\": {\"quantity\": 5000}}}")
			.commit("five thousand workers")
			.push(slipway, app, slipway.adminToken());
		assertThat(refused.succeeded()).isFalse();
		assertThat(refused.output()).contains("app.json formation.worker: Quantities go from 0 to 100; 5000 is out of range.");
		assertThat(slipway.adminApi().get("/api/apps/" + app + "/releases").json().isEmpty()).isTrue();

		Http.Response scaled = slipway.adminApi().patch("/api/apps/" + app + "/formation/web", Map.of("quantity", 101));
		assertThat(scaled.status()).as(scaled.toString()).isEqualTo(400);
	}

	private static void assertProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}

}
