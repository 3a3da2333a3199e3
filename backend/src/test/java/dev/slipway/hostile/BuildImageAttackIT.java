package dev.slipway.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second user tries to read another user's built app through the images their Dockerfile names:
 * by tag, through {@code COPY --from}, behind ARGs, by image ID and under another tag. Each push is
 * refused before anything is built, naming the image and why, and the victim keeps serving.
 */
class BuildImageAttackIT {

	static SlipwayUnderTest slipway;

	static String victim;

	static String victimTag;

	static String secret;

	static String attacker;

	static String attackerToken;

	@BeforeAll
	static void deployVictimAndCreateAttacker() {
		slipway = SlipwayUnderTest.shared();
		victim = slipway.createApp("victim");
		secret = "victim-secret-" + UUID.randomUUID();
		GitProject victimProject = GitProject.sample("dockerfile").write("secret.txt", secret + "\n").commit("secret");
		assertThat(victimProject.push(slipway, victim, slipway.adminToken()).succeeded()).isTrue();
		victimTag = slipway.adminApi().get("/api/apps/" + victim + "/builds").json().get(0).get("image").asString();
		assertThat(victimTag).startsWith(SlipwayUnderTest.INSTANCE + "-app/" + victim + ":build-");

		String email = "attacker-" + UUID.randomUUID().toString().substring(0, 6) + "@slipway.test";
		slipway.adminApi().post("/api/users", Map.of("email", email, "password", "attacker-password"));
		attackerToken = Http.basic(slipway.baseUrl(), email, "attacker-password")
			.post("/api/tokens", Map.of("name", "git"))
			.json()
			.get("token")
			.asString();
		attacker = "attacker-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(Http.api(slipway.baseUrl(), attackerToken).post("/api/apps", Map.of("name", attacker)).status())
			.isEqualTo(201);
	}

	@Test
	void anotherAppsImageByTagIsRefused() {
		assertRefused("FROM " + victimTag + "\nRUN cat /app/secret.txt\n",
				"Dockerfile line 1: FROM " + victimTag + " is refused: it names another app's image (" + victimTag + ")");
		assertRefused("FROM docker.io/" + victimTag + "\n", "is refused: it names another app's image (docker.io/" + victimTag
				+ "). A build may use the stack image (slipway/stack:trixie), images a registry serves");
	}

	@Test
	void copyFromAndMountFromAnotherAppsImageAreRefused() {
		assertRefused("FROM slipway/stack:trixie\nCOPY --from=" + victimTag + " /app/secret.txt /stolen\nRUN cat /stolen\n",
				"Dockerfile line 2: COPY --from=" + victimTag + " is refused: it names another app's image");
		assertRefused("FROM slipway/stack:trixie\nRUN --mount=type=bind,from=" + victimTag + ",target=/v cat /v/app/secret.txt\n",
				"Dockerfile line 2: RUN --mount=type=bind,from=" + victimTag);
	}

	@Test
	void argTricksAreResolvedOrRefused() {
		String namespace = victimTag.substring(0, victimTag.indexOf('/'));
		String rest = victimTag.substring(victimTag.indexOf('/') + 1);
		assertRefused("ARG NS=" + namespace + "\nARG REST\nFROM ${NS}/${REST:-" + rest + "}\n",
				"Dockerfile line 3: FROM ${NS}/${REST:-" + rest + "} is refused: it names another app's image (" + victimTag + ")");
		assertRefused("ARG IMAGE\nFROM $IMAGE\n",
				"Dockerfile line 2: FROM $IMAGE is refused: $IMAGE has no value Slipway knows before the build");
		assertRefused("ARG IMAGE=" + victimTag + "\nFROM slipway/stack:trixie\nCOPY --from=$IMAGE / /x\n",
				"Dockerfile line 3: COPY --from=$IMAGE is refused: a --from value with a variable is resolved only by the builder");
	}

	@Test
	void imageIdsAndOtherTagsOfTheSameImageAreRefused() {
		String id = DockerCli.run("image", "inspect", "--format", "{{.Id}}", victimTag).strip();
		assertRefused("FROM " + id.substring("sha256:".length(), "sha256:".length() + 12) + "\n",
				"is refused: it names an image by its ID");
		assertRefused("FROM slipway/stack:trixie\nCOPY --from=" + id + " / /x\n", "is refused: it names an image by its ID");
		String lookalike = "lookalike-" + UUID.randomUUID().toString().substring(0, 6) + "/victim:1";
		DockerCli.run("tag", victimTag, lookalike);
		try {
			assertRefused("FROM " + lookalike + "\n", "FROM " + lookalike + " is refused: it names another app's image");
		}
		finally {
			DockerCli.run("rmi", lookalike);
		}
	}

	@Test
	void onBuildLinesOfABaseImageAreCheckedLikeTheDockerfilesOwn() throws IOException {
		Path recipe = Files.createTempDirectory("onbuild");
		Files.writeString(recipe.resolve("Dockerfile"), "FROM scratch\nONBUILD COPY --from=" + victimTag + " /app /stolen\n");
		String base = "registry.example/onbuild-" + UUID.randomUUID().toString().substring(0, 6) + ":1";
		DockerCli.run("build", "-q", "-t", base, recipe.toString());
		try {
			assertRefused("FROM " + base + "\nRUN cat /stolen/secret.txt\n", "Dockerfile line 1: FROM " + base
					+ " (its ONBUILD COPY --from=" + victimTag + " /app /stolen) is refused: it names another app's image");
		}
		finally {
			DockerCli.run("rmi", base);
		}
	}

	@Test
	void slipwaysOwnImagesOtherThanTheStackAreRefused() {
		assertRefused("FROM slipway/postgres:17\n",
				"Dockerfile line 1: FROM slipway/postgres:17 is refused: of Slipway's own images a build may use only the stack");
	}

	private static void assertRefused(String dockerfile, String reason) {
		GitProject project = GitProject.sample("dockerfile").write("Dockerfile", dockerfile).commit("attack");
		GitProject.Push push = project.push(slipway, attacker, attackerToken);
		assertThat(push.succeeded()).as(push.toString()).isFalse();
		assertThat(push.output()).contains(reason)
			.doesNotContain(secret)
			.doesNotContain("Step 1/");
		assertThat(RouterClient.get(victim).body()).startsWith("docker v1");
	}

}
