package dev.slipway.router;

import dev.slipway.docker.ContainerExec;
import dev.slipway.docker.DockerClients;
import dev.slipway.logs.RouterAccessLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads nginx's access log, which it writes buffered into a file in the router's volume: through
 * {@code slipway-router-log} inside the router container, which follows the file (and rotates it)
 * and prints it from a byte position on. Docker passes the output on in large pieces, not line by
 * line as it would a container's log.
 */
@Component
class RouterAccessLogReader implements RouterAccessLog {

	private static final Logger log = LoggerFactory.getLogger(RouterAccessLogReader.class);

	private final DockerClients docker;

	private final RouterContainer container;

	RouterAccessLogReader(DockerClients docker, RouterContainer container) {
		this.docker = docker;
		this.container = container;
	}

	@Override
	public AutoCloseable read(long position, Reader reader) {
		AccessLogStream stream = new AccessLogStream(position, reader);
		return ContainerExec.follow(docker, container.name(), new ContainerExec.Listener() {
			@Override
			public void stdout(byte[] bytes) {
				stream.accept(bytes);
			}

			@Override
			public void stderr(String text) {
				log.warn("Reading the router's access log: {}", text.strip());
			}

			@Override
			public void ended(Throwable error) {
				if (error != null) {
					log.debug("The router's access log stream ended: {}", error.getMessage());
				}
				reader.ended();
			}
		}, "slipway-router-log", String.valueOf(position));
	}

}
