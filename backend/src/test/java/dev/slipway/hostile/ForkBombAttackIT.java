package dev.slipway.hostile;

import java.util.Map;
import java.util.UUID;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.OtherUser;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build whose {@code RUN} step starts processes without end, as a fork bomb does: on a host whose
 * process ids run out at 32,768 it would take them from Slipway and every app. The builds' shared
 * pids limit stops it with "Cannot fork"; the push fails, another app keeps serving and the next
 * build works.
 */
class ForkBombAttackIT {

	private static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aBuildThatForksPastThePidsLimitFailsAndLeavesTheHostAlone() {
		String bystander = slipway.createApp("fork-bystander");
		assertThat(GitProject.sample("procfile").push(slipway, bystander, slipway.adminToken()).succeeded()).isTrue();
		OtherUser attacker = OtherUser.create(slipway, "forker");
		String app = "forker-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(attacker.api().post("/api/apps", Map.of("name", app)).status()).isEqualTo(201);
		int processes = SlipwayUnderTest.BUILD_PIDS_LIMIT * 3;

		GitProject project = GitProject.sample("dockerfile")
			.replace("Dockerfile", "USER app", "RUN n=0; while [ $n -lt " + processes + " ]; do sleep 60 & n=$((n+1)); done; "
					+ "echo all $n started # " + UUID.randomUUID() + "\nUSER app")
			.commit("fork bomb");
		GitProject.Push bomb = project.push(slipway, app, attacker.token());

		assertThat(bomb.succeeded()).as(bomb.output()).isFalse();
		assertThat(bomb.output()).contains("Cannot fork").doesNotContain("all " + processes + " started").doesNotContain("Released");
		assertThat(DockerCli.run("inspect", "--format", "{{.HostConfig.PidsLimit}}", slipway.instance() + "-build-limits"))
			.isEqualTo(String.valueOf(SlipwayUnderTest.BUILD_PIDS_LIMIT));
		assertThat(RouterClient.get(bystander).body()).startsWith("shell v1");

		GitProject.Push next = GitProject.sample("dockerfile").push(slipway, app, attacker.token());
		assertThat(next.succeeded()).as(next.output()).isTrue();
		assertThat(RouterClient.get(app).body()).startsWith("docker v1");
	}

}
