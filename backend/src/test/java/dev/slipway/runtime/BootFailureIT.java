package dev.slipway.runtime;

import java.time.Duration;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web dyno that exits while booting fails the release at once, with its output shown once; one
 * that is up is restarted by Docker.
 */
class BootFailureIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aDynoThatExitsDuringBootFailsThePushAtOnceAndThePreviousReleaseKeepsServing() {
		String app = slipway.createApp("crashboot");
		GitProject project = GitProject.sample("procfile");
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		RouterClient.await(app, answer -> answer.body().startsWith("shell v1"), Duration.ofSeconds(10));

		GitProject.Push push = project.write("Procfile", "web: echo \"cannot start: missing file\" >&2; exit 3\n")
			.commit("exits at boot")
			.push(slipway, app, slipway.adminToken());

		assertThat(push.succeeded()).as(push.toString()).isFalse();
		assertThat(push.output()).as(push.toString())
			.contains("web.1 of v2 did not start: it crashed, its process exited with status 3. Its last output:")
			.contains("v2 was not deployed; what ran before keeps running.")
			.doesNotContain("within 20 s");
		assertThat(push.output().split("cannot start: missing file", -1)).as(push.toString()).hasSize(2);
		// The boot timeout here is 20 s: the push ends at the exit, not when it runs out.
		assertThat(Duration.between(push.arrivalOf("Starting 1 web dyno of v2"), push.finished()))
			.isLessThan(Duration.ofSeconds(15));
		assertThat(RouterClient.get(app).body()).startsWith("shell v1");
		assertThat(RouterIT.containers(app)).hasSize(1);
	}

	@Test
	void aDynoLeftUpWithoutItsRestartPolicyGetsItWhenSlipwayStarts() {
		String app = slipway.createApp("policy");
		assertThat(GitProject.sample("procfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		String web = RouterIT.containers(app).get(0);
		assertThat(restartPolicy(web)).isEqualTo("unless-stopped");

		// As if Slipway had stopped between the dyno's boot check and its restart policy.
		DockerCli.run("update", "--restart", "no", web);
		slipway.restart();
		assertThat(restartPolicy(web)).isEqualTo("unless-stopped");
		assertThat(RouterClient.get(app).body()).startsWith("shell v1");
	}

	private static String restartPolicy(String container) {
		return DockerCli.run("inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", container);
	}

}
