package dev.slipway.git;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** git push as a user sees it: refusals with their reasons, branches, force pushes, live output, one push at a time. */
class GitPushIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void refusesUnknownAppsBadTokensAndOtherPeoplesApps() {
		GitProject project = GitProject.sample("procfile");
		GitProject.Push unknown = project.push(slipway, "no-such-app", slipway.adminToken());
		assertThat(unknown.succeeded()).isFalse();
		assertThat(unknown.output()).contains("remote: There is no app named 'no-such-app'.");

		String app = slipway.createApp("guarded");
		GitProject.Push badToken = project.push(slipway, app, "slp_not-a-token");
		assertThat(badToken.succeeded()).isFalse();
		assertThat(badToken.output()).contains("remote: Authentication failed: the password must be an API token");

		String email = "other-" + UUID.randomUUID().toString().substring(0, 6) + "@slipway.test";
		slipway.adminApi().post("/api/users", Map.of("email", email, "password", "other-password"));
		String otherToken = Http.basic(slipway.baseUrl(), email, "other-password")
			.post("/api/tokens", Map.of("name", "git"))
			.json()
			.get("token")
			.asString();
		GitProject.Push forbidden = project.push(slipway, app, otherToken);
		assertThat(forbidden.succeeded()).isFalse();
		assertThat(forbidden.output()).contains("remote: There is no app named '" + app + "'.");
		assertThat(builds(app)).isEmpty();
	}

	@Test
	void refusesWhatCannotBeBuiltAndKeepsWhatWasThere() {
		String app = slipway.createApp("keeps");
		GitProject project = GitProject.sample("procfile");
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		String deployedCommit = project.head();
		String image = builds(app).get(0).get("image").asString();
		String serving = RouterClient.await(app, answer -> answer.status() == 200, Duration.ofSeconds(10))
			.body()
			.lines()
			.findFirst()
			.orElseThrow();

		project.delete("Procfile").delete("server.sh").write("README.md", "nothing to run\n").commit("no app");
		assertRefused(project.push(slipway, app, slipway.adminToken()),
				"No buildpack recognises this app. Slipway looked for: Dockerfile, pom.xml, mvnw");

		project.write("Dockerfile", "FROM slipway/stack:trixie\nRUN echo failing " + UUID.randomUUID() + " && exit 3\n")
			.commit("failing build");
		assertRefused(project.push(slipway, app, slipway.adminToken()), "returned a non-zero code: 3");

		project.delete("Dockerfile").write("Procfile", "web: ./server.sh\nnot a process line\n").commit("bad Procfile");
		assertRefused(project.push(slipway, app, slipway.adminToken()), "line 2: \"not a process line\"");

		assertThat(project.git("ls-remote", slipway.gitUrl(app, slipway.adminToken()), "main")).startsWith(deployedCommit);
		assertThat(DockerCli.tryRun("image", "inspect", image).exitCode()).isZero();
		RouterClient.Answer after = RouterClient.get(app);
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
		assertThat(after.body()).as("what ran before serves as before").startsWith(serving + "\n");
		assertThat(builds(app)).extracting(build -> build.get("status").asString())
			.containsExactly("failed", "failed", "failed", "succeeded");
	}

	@Test
	void storesOtherBranchesWithoutDeployingAndTakesForcePushes() {
		String app = slipway.createApp("branches");
		GitProject project = GitProject.sample("procfile");
		GitProject.Push feature = project.push(slipway, app, slipway.adminToken(), "main:feature");
		assertThat(feature.succeeded()).as(feature.toString()).isTrue();
		assertThat(feature.output()).contains("Stored branch feature without deploying");
		assertThat(builds(app)).isEmpty();

		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		project.git("commit", "-q", "--amend", "-m", "rewritten history");
		GitProject.Push forced = project.push(slipway, app, slipway.adminToken(), "--force", "main");
		assertThat(forced.succeeded()).as(forced.toString()).isTrue();
		assertThat(forced.output()).contains("(forced update)");
		assertThat(builds(app)).hasSize(2);
	}

	@Test
	void streamsBuildOutputLiveAndMakesASecondPushWait() throws Exception {
		String app = slipway.createApp("live");
		String marker = "LIVE-MARKER-" + UUID.randomUUID();
		GitProject first = GitProject.sample("dockerfile")
			.replace("Dockerfile", "RUN echo", "RUN echo " + marker + " && sleep 20\nRUN echo")
			.commit("slow build");
		CompletableFuture<GitProject.Push> firstPush = CompletableFuture
			.supplyAsync(() -> first.push(slipway, app, slipway.adminToken()));
		awaitBuilding(app);

		GitProject second = GitProject.sample("procfile");
		GitProject.Push secondPush = second.push(slipway, app, slipway.adminToken());
		GitProject.Push firstResult = firstPush.get();

		assertThat(firstResult.succeeded()).as(firstResult.toString()).isTrue();
		Instant markerArrived = firstResult.arrivalOf(marker);
		assertThat(Duration.between(markerArrived, firstResult.finished())).as("marker seen before the step ended")
			.isGreaterThan(Duration.ofSeconds(15));
		assertThat(firstResult.output()).contains("... still working");

		assertThat(secondPush.output()).contains("Another push to " + app + " is deploying; waiting for it to finish")
			.contains("The branch moved while this push waited");
		assertThat(secondPush.succeeded()).isFalse();
	}

	@Test
	void cancelsARunningBuildThroughTheApi() throws Exception {
		String app = slipway.createApp("cancel");
		GitProject project = GitProject.create()
			.write("Dockerfile", "FROM slipway/stack:trixie\nRUN echo " + UUID.randomUUID() + " && sleep 120\n")
			.commit("very slow build");
		CompletableFuture<GitProject.Push> push = CompletableFuture
			.supplyAsync(() -> project.push(slipway, app, slipway.adminToken()));
		long buildId = awaitBuilding(app);
		Http.Response cancel = slipway.adminApi().post("/api/apps/" + app + "/builds/" + buildId + "/cancel", Map.of());
		assertThat(cancel.status()).isEqualTo(202);
		GitProject.Push result = push.get();
		assertThat(result.succeeded()).isFalse();
		assertThat(result.output()).contains("The build was cancelled.").contains("pre-receive hook declined");
		assertThat(builds(app).get(0).get("status").asString()).isEqualTo("cancelled");
		assertThat(slipway.adminApi().get("/api/apps/" + app + "/builds/" + buildId + "/output").body())
			.contains("The build was cancelled.");
	}

	private static void assertRefused(GitProject.Push push, String reason) {
		assertThat(push.succeeded()).as(push.toString()).isFalse();
		assertThat(push.output()).contains(reason).contains("(pre-receive hook declined)");
		assertThat(push.output().indexOf(reason)).isLessThan(push.output().indexOf("pre-receive hook declined"));
	}

	private static List<JsonNode> builds(String app) {
		return slipway.adminApi().get("/api/apps/" + app + "/builds").json().valueStream().toList();
	}

	/** Waits until the app has a build running and returns its id. */
	private static long awaitBuilding(String app) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline)) {
			for (JsonNode build : builds(app)) {
				if (build.get("status").asString().equals("building")) {
					Thread.sleep(2000);
					return build.get("id").asLong();
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("No build of " + app + " started");
	}

}
