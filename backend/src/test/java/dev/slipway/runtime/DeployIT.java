package dev.slipway.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.RouterLoad;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Releases as a user lives them: zero-downtime deploys, refused releases, rollbacks, the release phase. */
class DeployIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aDeployUnderLoadFailsNoRequestAndSwitchesVersions() {
		String app = slipway.createApp("zero");
		GitProject project = GitProject.sample("procfile");
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		RouterClient.await(app, answer -> answer.body().startsWith("shell v1"), Duration.ofSeconds(10));

		RouterLoad load = RouterLoad.start(RouterClient.PORT, app, 4);
		GitProject.Push push = project.replace("server.sh", "shell v1", "shell v2").commit("v2")
			.push(slipway, app, slipway.adminToken());
		slipway.awaitNoContainers(app, Duration.ofSeconds(60), "dev.slipway.release=1");
		List<List<RouterClient.Answer>> answers = load.stop();

		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(RouterLoad.all(answers)).hasSizeGreaterThan(100)
			.as("failed requests")
			.allMatch(answer -> answer.status() == 200);
		for (List<RouterClient.Answer> client : answers) {
			int firstV2 = indexOf(client, "shell v2");
			assertThat(firstV2).as("v2 answered").isPositive();
			assertThat(client.subList(0, firstV2)).allMatch(answer -> answer.body().startsWith("shell v1"));
			assertThat(client.subList(firstV2, client.size())).allMatch(answer -> answer.body().startsWith("shell v2"));
		}
	}

	@Test
	void aReleaseThatNeverBindsPortIsRefusedAndThePreviousKeepsAnswering() {
		String app = slipway.createApp("unbound");
		GitProject project = GitProject.sample("procfile");
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();

		GitProject.Push push = project.write("Procfile", "web: echo never listening && sleep 600\n")
			.commit("does not bind")
			.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).isFalse();
		assertThat(push.output()).contains("web.1 of v2 did not start: it did not accept connections on $PORT within 20 s")
			.contains("never listening")
			.contains("v2 was not deployed; what ran before keeps running.")
			.contains("pre-receive hook declined");
		assertThat(RouterClient.get(app).body()).startsWith("shell v1");
		assertThat(releases(app)).extracting(release -> release.get("status").asString()).containsExactly("failed",
				"succeeded");
		assertThat(RouterIT.containers(app)).hasSize(1);
	}

	@Test
	void rollingBackServesThePreviousVersionAsANewRelease() {
		String app = slipway.createApp("rollback");
		GitProject project = GitProject.sample("procfile");
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		assertThat(project.replace("server.sh", "shell v1", "shell v2").commit("v2").push(slipway, app,
				slipway.adminToken()).succeeded()).isTrue();
		assertThat(RouterClient.get(app).body()).startsWith("shell v2");

		Http.Response rollback = slipway.adminApi().post("/api/apps/" + app + "/releases/v1/rollback", Map.of());
		assertThat(rollback.status()).as(rollback.toString()).isEqualTo(201);
		assertThat(rollback.json().get("version").asInt()).isEqualTo(3);
		assertThat(rollback.json().get("description").asString()).isEqualTo("Rollback to v1");
		RouterClient.await(app, answer -> answer.body().startsWith("shell v1"), Duration.ofSeconds(10));
		assertThat(releases(app).get(0).get("current").asBoolean()).isTrue();

		assertThat(slipway.adminApi().post("/api/apps/" + app + "/releases/v9/rollback", Map.of()).status())
			.isEqualTo(404);
	}

	@Test
	void theReleasePhaseRunsBeforeTheDynosAndAFailureStopsTheDeploy() {
		String app = slipway.createApp("phase");
		GitProject project = GitProject.sample("procfile")
			.write("Procfile", "web: ./server.sh\nrelease: echo migrating for $DYNO\n")
			.commit("release phase");
		GitProject.Push first = project.push(slipway, app, slipway.adminToken());
		assertThat(first.succeeded()).as(first.toString()).isTrue();
		assertThat(first.output()).contains("Running the release phase: echo migrating")
			.contains("migrating for release.1");
		assertThat(first.output().indexOf("migrating for release.1"))
			.isLessThan(first.output().indexOf("Starting 1 web dyno of v1"));

		GitProject.Push failing = project.replace("server.sh", "shell v1", "shell v2")
			.write("Procfile", "web: ./server.sh\nrelease: echo migration failed && exit 4\n")
			.commit("failing release phase")
			.push(slipway, app, slipway.adminToken());
		assertThat(failing.succeeded()).isFalse();
		assertThat(failing.output()).contains("migration failed")
			.contains("The release phase exited with status 4; v2 is not deployed.")
			.doesNotContain("Starting 1 web dyno of v2");
		assertThat(RouterClient.get(app).body()).startsWith("shell v1");
	}

	@Test
	void oneOffDynosRunInTheReleaseWithTheAppsEnvironment() {
		String app = slipway.createApp("oneoff");
		assertThat(GitProject.sample("procfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		Http.Response attached = slipway.adminApi()
			.post("/api/apps/" + app + "/dynos", Map.of("command", "echo hello from $DYNO on $PORT; ls /app", "attach", true));
		assertThat(attached.status()).isEqualTo(200);
		assertThat(attached.body()).contains("hello from run.1 on 5000").contains("server.sh")
			.endsWith("Process exited with status 0\n");
		assertThat(slipway.adminApi()
			.post("/api/apps/" + app + "/dynos", Map.of("command", "exit 7", "attach", true))
			.body()).endsWith("Process exited with status 7\n");
		Http.Response detached = slipway.adminApi()
			.post("/api/apps/" + app + "/dynos", Map.of("command", "sleep 1", "attach", false));
		assertThat(detached.status()).isEqualTo(202);
		assertThat(detached.json().get("dyno").asString()).startsWith("run.");
	}

	static List<JsonNode> releases(String app) {
		return slipway.adminApi().get("/api/apps/" + app + "/releases").json().valueStream().toList();
	}

	private static int indexOf(List<RouterClient.Answer> answers, String prefix) {
		for (int i = 0; i < answers.size(); i++) {
			if (answers.get(i).body().startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

}
