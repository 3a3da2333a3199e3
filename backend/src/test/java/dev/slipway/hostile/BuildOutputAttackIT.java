package dev.slipway.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.slipway.test.EventStreamClient;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant whose build prints what a terminal or PostgreSQL would choke on (a NUL byte) or far more
 * than anyone reads: the build's record still ends, the push ends with the build's real outcome, the
 * output stays readable and within its cap, and another user's app keeps serving.
 */
class BuildOutputAttackIT {

	/** slipway.build.output.max-size's default. */
	private static final long CAP = 10L * 1024 * 1024;

	static SlipwayUnderTest slipway;

	static String bystander;

	static String email;

	static String password = "hostile-password";

	static Http attacker;

	static String attackerToken;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
		bystander = slipway.createApp("bystander");
		assertThat(GitProject.sample("procfile").push(slipway, bystander, slipway.adminToken()).succeeded()).isTrue();
		email = "hostile-" + UUID.randomUUID().toString().substring(0, 6) + "@slipway.test";
		assertThat(slipway.adminApi().post("/api/users", Map.of("email", email, "password", password)).status())
			.isEqualTo(201);
		attackerToken = Http.basic(slipway.baseUrl(), email, password)
			.post("/api/tokens", Map.of("name", "hostile"))
			.json()
			.get("token")
			.asString();
		attacker = Http.api(slipway.baseUrl(), attackerToken);
	}

	@Test
	void aNulByteInTheBuildOutputIsKeptEscapedAndTheBuildEnds() throws InterruptedException {
		String app = attackersApp("nul");
		GitProject project = GitProject.sample("dockerfile")
			.replace("Dockerfile", "USER app", "RUN printf 'before\\0after %s\\n' " + UUID.randomUUID() + "\nUSER app")
			.commit("print a NUL byte");
		GitProject.Push push = project.push(slipway, app, attackerToken);

		assertThat(push.succeeded()).as(push.output()).isTrue();
		assertThat(push.output()).contains("before\\x00after").contains("Released v1");
		JsonNode build = onlyBuild(app);
		assertThat(build.get("status").asString()).isEqualTo("succeeded");
		assertThat(build.get("finished_at").isNull()).isFalse();
		String output = attacker.get("/api/apps/" + app + "/builds/" + build.get("id").asLong() + "/output").body();
		assertThat(output).contains("before\\x00after").doesNotContain("\0").contains("Released v1");
		assertThat(followedToTheEnd(app, build.get("id").asLong())).endsWith("succeeded")
			.anySatisfy(line -> assertThat(line).contains("before\\x00after"));
		assertThat(RouterClient.get(app).body()).startsWith("docker v1");
		assertThat(RouterClient.get(bystander).body()).startsWith("shell v1");
	}

	@Test
	void outputFarBeyondTheCapStopsAtOneTruncationLineAndThePushEndsWithItsOutcome() {
		String app = attackersApp("flood");
		GitProject project = GitProject.sample("dockerfile")
			.replace("Dockerfile", "USER app",
					"RUN head -c 13000000 /dev/zero | tr '\\0' x | fold -w 200 # " + UUID.randomUUID() + "\nUSER app")
			.commit("print 13 MB");
		GitProject.Push push = project.push(slipway, app, attackerToken);

		assertThat(push.succeeded()).as(push.output().substring(Math.max(0, push.output().length() - 2000))).isTrue();
		// git prefixes each of the about 50,000 lines with "remote: ".
		assertThat((long) push.output().length()).isLessThan(CAP + 600_000);
		assertThat(push.output()).containsOnlyOnce("limit of").contains("Build succeeded").contains("Released v1");
		JsonNode build = onlyBuild(app);
		assertThat(build.get("status").asString()).isEqualTo("succeeded");
		String output = attacker.get("/api/apps/" + app + "/builds/" + build.get("id").asLong() + "/output").body();
		assertThat((long) output.length()).isBetween(CAP - 100_000, CAP + 100_000);
		String afterTheCap = output.substring(output.indexOf("limit of"));
		assertThat(afterTheCap).doesNotContain("xxxxxxxxxx").contains("Build succeeded").contains("Released v1");
		assertThat(RouterClient.get(app).body()).startsWith("docker v1");
		assertThat(RouterClient.get(bystander).body()).startsWith("shell v1");
	}

	private static String attackersApp(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(attacker.post("/api/apps", Map.of("name", name)).status()).isEqualTo(201);
		return name;
	}

	private static JsonNode onlyBuild(String app) {
		JsonNode builds = attacker.get("/api/apps/" + app + "/builds").json();
		assertThat(builds.size()).isEqualTo(1);
		return builds.get(0);
	}

	/** The build's output as the dashboard follows it: every line, then the end event's status. */
	private static List<String> followedToTheEnd(String app, long buildId) throws InterruptedException {
		Http browser = Http.browser(slipway.baseUrl());
		browser.submitForm("/login", "/login", Map.of("email", email, "password", password));
		try (EventStreamClient stream = EventStreamClient.connect(browser.client(),
				browser.url("/apps/" + app + "/builds/" + buildId + "/stream"), null)) {
			return stream.collect(Duration.ofSeconds(3)).stream().map(EventStreamClient.Event::data).toList();
		}
	}

}
