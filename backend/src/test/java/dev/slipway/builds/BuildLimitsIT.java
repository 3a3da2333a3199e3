package dev.slipway.builds;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds run with their limits on their own network, two at a time (the default): a third push
 * racing two others waits for a slot and prints its place in the queue.
 */
class BuildLimitsIT {

	private final SlipwayUnderTest slipway = SlipwayUnderTest.shared();

	@Test
	void buildsRunLimitedOnTheirNetworkAndAThirdPushWaitsInTheQueue() throws Exception {
		List<String> apps = List.of(slipway.createApp("queued"), slipway.createApp("queued"), slipway.createApp("queued"));
		String network = SlipwayUnderTest.INSTANCE + "-builds";
		ExecutorService pushes = Executors.newFixedThreadPool(apps.size());
		try {
			List<CompletableFuture<GitProject.Push>> pushed = apps.stream()
				.map(app -> CompletableFuture.supplyAsync(() -> GitProject.sample("dockerfile")
					.replace("Dockerfile", "RUN echo", "RUN echo " + UUID.randomUUID() + " && sleep 8\nRUN echo")
					.commit("slow build")
					.push(slipway, app, slipway.adminToken()), pushes))
				.toList();
			String buildContainer = awaitBuildContainer(network);
			String limits = DockerCli.run("inspect", "--format",
					"{{.HostConfig.NetworkMode}} {{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.CpusetCpus}}",
					buildContainer).strip();
			assertThat(limits).matches(network + " 2147483648 2147483648 \\d+(,\\d+)*");

			List<GitProject.Push> results = pushed.stream().map(CompletableFuture::join).toList();
			assertThat(results).allSatisfy(push -> assertThat(push.succeeded()).as(push.toString()).isTrue());
			assertThat(results).filteredOn(push -> push.output()
				.contains("Waiting for a build slot (2 builds run at a time): number 1 in the queue"))
				.isNotEmpty();
		}
		finally {
			pushes.shutdownNow();
		}
	}

	/** A container of a build's RUN step, found by the network builds run on. */
	private static String awaitBuildContainer(String network) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			String found = DockerCli.tryRun("ps", "-q", "--filter", "network=" + network).output().strip();
			if (!found.isEmpty()) {
				return found.lines().findFirst().orElseThrow();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No build container appeared on " + network);
	}

}
