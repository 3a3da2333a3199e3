package dev.slipway.build;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each language that builds offline here, pushed with the real git client: the push succeeds
 * naming its buildpack, and the image runs its web process answering HTTP on $PORT.
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
		JsonNode web = build.get("process_types").get("web");
		assertThat(servedBy(image, web == null ? null : web.asString())).contains(answer);
		if (sample.equals("dockerfile")) {
			assertThat(DockerCli.run("run", "--rm", image, "ls", "/app")).contains("server.sh").doesNotContain("secret.txt");
		}
	}

	/** What the image's web process answers on $PORT, run the way a dyno runs it. */
	static String servedBy(String image, String webCommand) throws Exception {
		List<String> run = new ArrayList<>(List.of("run", "-d", "--init", "-e", "PORT=5000", "-e", "DYNO=web.1", "-p",
				"127.0.0.1::5000", image));
		if (webCommand != null) {
			run.addAll(List.of("/bin/sh", "-c", webCommand));
		}
		String container = DockerCli.run(run.toArray(String[]::new));
		try {
			String port = DockerCli.run("port", container, "5000/tcp").lines().findFirst().orElseThrow().replaceAll(".*:", "");
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			Instant deadline = Instant.now().plusSeconds(90);
			while (true) {
				try {
					HttpResponse<String> response = client.send(
							HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5)).build(),
							HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200) {
						return response.body();
					}
				}
				catch (IOException notYet) {
					// The process is still starting.
				}
				if (Instant.now().isAfter(deadline)) {
					throw new AssertionError("The web process of " + image + " did not answer on $PORT; its output:\n"
							+ DockerCli.tryRun("logs", container).output());
				}
				Thread.sleep(300);
			}
		}
		finally {
			DockerCli.tryRun("rm", "-f", container);
		}
	}

}
