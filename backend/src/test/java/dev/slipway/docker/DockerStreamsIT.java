package dev.slipway.docker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.dockerjava.api.model.StreamType;
import dev.slipway.test.DockerCli;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slipway follows every running container's log over a connection of its own for as long as it
 * runs. With more containers than the connection pool once held (100: 50 apps of two dynos), a
 * command in a container must still run at once, as a router reload does after each deploy.
 */
class DockerStreamsIT {

	private static final int FOLLOWED = 120;

	private final SlipwayUnderTest slipway = SlipwayUnderTest.shared();

	@Test
	void aCommandRunsWhileMoreLogsAreFollowedThanTheOldPoolHeld() throws Exception {
		DockerClients docker = slipway.bean(DockerClients.class);
		String container = DockerCli.run("run", "-d", "--label", SlipwayLabels.INSTANCE + "=" + slipway.instance(),
				"debian:trixie-slim", "sleep", "infinity");
		List<ContainerLogStream> streams = new ArrayList<>();
		try {
			for (int i = 0; i < FOLLOWED; i++) {
				streams.add(ContainerLogStream.follow(docker, container, Instant.EPOCH, new ContainerLogStream.Listener() {
					@Override
					public void entry(StreamType stream, byte[] entry) {
					}

					@Override
					public void ended(Throwable error) {
					}
				}, task -> Thread.ofVirtual().start(task)));
			}
			ContainerExec.Result result = ContainerExec.run(docker, container, "echo", "answered");
			assertThat(result.succeeded()).as(result.toString()).isTrue();
			assertThat(result.output()).contains("answered");
		}
		finally {
			streams.forEach(ContainerLogStream::close);
			DockerCli.run("rm", "-f", container);
		}
	}

}
