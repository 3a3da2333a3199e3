package dev.slipway.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dyno that writes past the disk limit to its own filesystem (which Docker's overlay2 on ext4
 * does not bound) would fill the host's disk: it gets a fresh filesystem instead, its app's dynos
 * restarted, with a line in the app's log, while the web keeps answering. The shared Slipway's
 * limit is {@link SlipwayUnderTest#DYNO_DISK_LIMIT}.
 */
class DynoDiskAttackIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aDynoWritingPastTheLimitGetsAFreshFilesystemAndTheWebKeepsAnswering() throws Exception {
		String app = slipway.createApp("filler");
		GitProject.Push push = GitProject.sample("procfile")
			.write("Procfile", "web: ./server.sh\nfiller: dd if=/dev/zero of=\"$HOME/fill\" bs=1M count=100 && exec sleep 600\n")
			.commit("a worker that fills its filesystem")
			.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		scaleFiller(app, 1);
		String filler = container(app, "filler");
		assertThat(filler).isNotEmpty();

		String notice = "more than the 64 MB a dyno may (SLIPWAY_DYNO_DISK_LIMIT): restarting the app's dynos with fresh "
				+ "filesystems";
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (!logs(app).contains(notice) && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		assertThat(logs(app)).contains("slipway[filler.1]: Wrote 10").contains(notice);
		while (DockerCli.run("ps", "-aq", "--no-trunc").contains(filler) && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		assertThat(DockerCli.run("ps", "-aq", "--no-trunc")).as("the filled container is gone").doesNotContain(filler);
		assertThat(RouterClient.get(app + ".localhost", "/", null).body()).as(logs(app)).startsWith("shell v1");

		// The new filler fills its fresh filesystem again: stop it, so it does not keep restarting the app.
		scaleFiller(app, 0);
	}

	private static void scaleFiller(String app, int quantity) {
		assertThat(slipway.adminApi()
			.patch("/api/apps/" + app + "/formation",
					Map.of("updates", List.of(Map.of("type", "filler", "quantity", quantity))))
			.status()).isEqualTo(200);
	}

	private static String logs(String app) {
		return slipway.adminApi().get("/api/apps/" + app + "/logs?lines=1000").body();
	}

	private static String container(String app, String process) {
		return DockerCli.run("ps", "-q", "--no-trunc", "--filter", "label=dev.slipway.instance=" + SlipwayUnderTest.INSTANCE,
				"--filter", "label=dev.slipway.app=" + app, "--filter", "label=dev.slipway.process=" + process).strip();
	}

}
