package dev.slipway.builds;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A push that changes only code reuses the dependency layer of the push before it; labels do not cost the cache. */
class LayerCacheIT {

	@Test
	void aCodeOnlyChangeReusesTheInstalledDependencies() {
		SlipwayUnderTest slipway = SlipwayUnderTest.shared();
		String app = slipway.createApp("cache");
		// A package.json no earlier build has seen, whose install takes a few seconds (as native modules do).
		GitProject project = GitProject.sample("node")
			.replace("package.json", "\"private\": true,", "\"private\": true,\n  \"description\": \"" + UUID.randomUUID() + "\",")
			.replace("package.json", "\"start\": \"node server.js\",", "\"start\": \"node server.js\",\n    \"postinstall\": \"sleep 4\",")
			.commit("unique dependencies");

		GitProject.Push first = project.push(slipway, app, slipway.adminToken());
		assertThat(first.succeeded()).as(first.toString()).isTrue();
		assertThat(stepFollowedByCache(first, "RUN npm ci")).isFalse();

		GitProject.Push second = project.replace("server.js", "const VERSION = 'v1';", "const VERSION = 'v2';")
			.commit("code only")
			.push(slipway, app, slipway.adminToken());
		assertThat(second.succeeded()).as(second.toString()).isTrue();
		assertThat(stepFollowedByCache(second, "RUN npm ci")).as(second.toString()).isTrue();
		assertThat(stepFollowedByCache(second, "COPY . .")).isFalse();
		assertThat(second.duration()).isLessThan(first.duration());

		List<String> images = slipway.adminApi()
			.get("/api/apps/" + app + "/builds")
			.json()
			.valueStream()
			.map(build -> build.get("image").asString())
			.toList();
		List<String> newer = layers(images.get(0));
		List<String> older = layers(images.get(1));
		int sharedLayers = 0;
		while (sharedLayers < Math.min(newer.size(), older.size()) && newer.get(sharedLayers).equals(older.get(sharedLayers))) {
			sharedLayers++;
		}
		assertThat(sharedLayers).as("layers shared up to and including node_modules").isGreaterThanOrEqualTo(older.size() - 3);
		assertThat(newer).isNotEqualTo(older);
	}

	/**
	 * Slipway's labels reach the image as one line of a Dockerfile that Docker drops from the context:
	 * the image has them, its files are the pushed ones, and an unchanged tree still hits the cache.
	 */
	@Test
	void aDockerfileAppsImageCarriesSlipwaysLabelsAndOnlyThePushedFiles() {
		SlipwayUnderTest slipway = SlipwayUnderTest.shared();
		String app = slipway.createApp("labels");
		GitProject project = GitProject.sample("dockerfile")
			.replace("server.sh", "docker v1", "docker " + UUID.randomUUID())
			.commit("a tree no build has seen");
		GitProject.Push first = project.push(slipway, app, slipway.adminToken());
		assertThat(first.succeeded()).as(first.toString()).isTrue();
		GitProject.Push second = project.commit("the same tree").push(slipway, app, slipway.adminToken());
		assertThat(second.succeeded()).as(second.toString()).isTrue();
		assertThat(stepFollowedByCache(second, "COPY --chown=app:app . /app")).as(second.toString()).isTrue();
		assertThat(second.output()).doesNotContain("LABEL");

		JsonNode build = slipway.adminApi().get("/api/apps/" + app + "/builds").json().get(0);
		String image = build.get("image").asString();
		assertThat(DockerCli.run("image", "inspect", "--format", "{{json .Config.Labels}}", image))
			.contains("\"dev.slipway.app\":\"" + app + "\"", "\"dev.slipway.build\":\"" + String.valueOf(build.get("id").asLong()) + "\"",
					"\"dev.slipway.app-id\":", "\"dev.slipway.instance\":\"" + slipway.instance() + "\"");
		assertThat(DockerCli.run("run", "--rm", "--entrypoint", "ls", image, "-A", "/app").split("\\R"))
			.containsExactlyInAnyOrder(".dockerignore", "Dockerfile", "server.sh");
	}

	private static boolean stepFollowedByCache(GitProject.Push push, String instruction) {
		List<String> lines = push.lines().stream().map(GitProject.Push.Line::text).toList();
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i).matches("remote: -----> Step \\d+/\\d+: " + Pattern.quote(instruction))) {
				return lines.get(i + 1).equals("remote:        Using cache");
			}
		}
		throw new AssertionError("No step " + instruction + " in\n" + push.output());
	}

	private static List<String> layers(String image) {
		return List.of(DockerCli.run("image", "inspect", "--format", "{{range .RootFS.Layers}}{{println .}}{{end}}", image)
			.split("\\R"));
	}

}
