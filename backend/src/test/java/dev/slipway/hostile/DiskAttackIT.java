package dev.slipway.hostile;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant who tries to fill the disk: a push past the repository limit (32 MB in the tests) or with
 * more branches than allowed is refused with the reason while what runs stays, and a deleted app leaves
 * none of its images behind. The admin sees disk use by app; other users do not.
 */
class DiskAttackIT {

	static SlipwayUnderTest slipway;

	static Http attacker;

	static String attackerToken;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
		String email = "filler-" + UUID.randomUUID().toString().substring(0, 6) + "@slipway.test";
		assertThat(slipway.adminApi().post("/api/users", Map.of("email", email, "password", "filler-password")).status())
			.isEqualTo(201);
		attackerToken = Http.basic(slipway.baseUrl(), email, "filler-password")
			.post("/api/tokens", Map.of("name", "filler"))
			.json()
			.get("token")
			.asString();
		attacker = Http.api(slipway.baseUrl(), attackerToken);
	}

	@Test
	void aPushOverTheRepositoryLimitIsRefusedWithTheLimitAndWhatRunsStays() {
		String app = attackersApp("bulky");
		GitProject project = GitProject.sample("procfile");
		assertThat(project.push(slipway, app, attackerToken).succeeded()).isTrue();
		String deployed = project.head();
		byte[] noise = new byte[40 * 1024 * 1024];
		new Random(7).nextBytes(noise);
		project.write("assets/noise.bin", noise).commit("40 MB that do not compress");

		GitProject.Push push = project.push(slipway, app, attackerToken);

		assertThat(push.succeeded()).isFalse();
		assertThat(push.output()).contains("larger than Slipway's limit of 32.0 MB per app (SLIPWAY_GIT_MAX_REPOSITORY_SIZE)");
		assertThat(project.git("ls-remote", slipway.gitUrl(app, attackerToken), "main")).startsWith(deployed);
		assertThat(RouterClient.get(app).body()).startsWith("shell v1");
		assertThat(diskUse(app).get("repository").asLong()).isLessThan(33L * 1024 * 1024);
	}

	@Test
	void aPushOfMoreBranchesThanAllowedIsRefused() {
		String app = attackersApp("branchy");
		GitProject project = GitProject.sample("procfile");
		String[] branches = IntStream.rangeClosed(1, 101).mapToObj(i -> "HEAD:refs/heads/b" + i).toArray(String[]::new);

		GitProject.Push push = project.push(slipway, app, attackerToken, branches);

		assertThat(push.succeeded()).isFalse();
		assertThat(push.output()).contains("would have 101 branches and tags besides main and master; "
				+ "Slipway keeps at most 100 per app (SLIPWAY_GIT_MAX_REFS)");
		assertThat(project.git("ls-remote", slipway.gitUrl(app, attackerToken))).isEmpty();
	}

	@Test
	void deletingAnAppLeavesNoneOfItsImages() throws InterruptedException {
		String app = attackersApp("imaged");
		GitProject project = GitProject.sample("procfile");
		assertThat(project.push(slipway, app, attackerToken).succeeded()).isTrue();
		project.write("v2.txt", "v2 " + UUID.randomUUID()).commit("v2");
		assertThat(project.push(slipway, app, attackerToken).succeeded()).isTrue();
		assertThat(images(app)).isNotBlank();
		JsonNode use = diskUse(app);
		assertThat(use.get("images").asLong()).isPositive();
		assertThat(use.get("repository").asLong()).isPositive();
		assertThat(use.get("build_output").asLong()).isPositive();

		assertThat(attacker.delete("/api/apps/" + app).status()).isBetween(200, 204);

		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (!images(app).isBlank() && Instant.now().isBefore(deadline)) {
			Thread.sleep(1000);
		}
		assertThat(images(app)).isBlank();
	}

	@Test
	void onlyAdminsSeeDiskUse() {
		assertThat(attacker.get("/api/disk").status()).isEqualTo(403);
		assertThat(attacker.get("/api/disk").json().get("code").asString()).isEqualTo("admin_required");
		Http.Response page = slipway.browserSession().get("/disk");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Disk use").contains("Repository").contains("Log lines");
	}

	/** This instance's images of the app, by label and by name, one id a line. */
	private static String images(String app) {
		String byLabel = DockerCli.run("images", "-q", "--filter", "label=dev.slipway.instance=" + SlipwayUnderTest.INSTANCE,
				"--filter", "label=dev.slipway.app=" + app);
		String byName = DockerCli.run("images", "-q", SlipwayUnderTest.INSTANCE + "-app/" + app);
		return (byLabel + byName).strip();
	}

	private static JsonNode diskUse(String app) {
		JsonNode disk = slipway.adminApi().get("/api/disk").json();
		for (JsonNode use : disk.get("apps")) {
			if (use.get("app").asString().equals(app)) {
				return use.get("use");
			}
		}
		throw new AssertionError("No disk use of " + app + " in " + disk);
	}

	private static String attackersApp(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(attacker.post("/api/apps", Map.of("name", name)).status()).isEqualTo(201);
		return name;
	}

}
