package dev.slipway.builds;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each language that builds offline here, pushed with the real git client: the push succeeds
 * naming its buildpack, and the image's web process answers HTTP on $PORT, reached through the router.
 */
class BuildpacksIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "node, Node.js app detected (buildpack node), node v1 dyno=web.1",
			"java-maven, Java (Maven) app detected (buildpack java-maven), java dyno=web.1",
			"python, Python app detected (buildpack python), python dyno=web.1",
			"go, Go app detected (buildpack go), go dyno=web.1",
			"static, Static site app detected (buildpack static), <h1>static site</h1>",
			"dockerfile, Dockerfile app detected (buildpack dockerfile), docker v1 dyno=web.1",
			"procfile, Procfile app detected (buildpack procfile), shell v1 dyno=web.1" })
	void buildsAnImageThatServesTheWebProcess(String sample, String detected, String answer) throws Exception {
		String app = slipway.createApp(sample);
		GitProject.Push push = GitProject.sample(sample).push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("remote: -----> " + detected).contains("-----> Build succeeded");

		JsonNode build = slipway.adminApi().get("/api/apps/" + app + "/builds").json().get(0);
		assertThat(build.get("status").asString()).isEqualTo("succeeded");
		String image = build.get("image").asString();
		assertThat(RouterClient.get(app).body()).as("the web process answers through the router").contains(answer);
		if (sample.equals("dockerfile")) {
			assertThat(DockerCli.run("run", "--rm", image, "ls", "/app")).contains("server.sh").doesNotContain("secret.txt");
		}
	}

}
