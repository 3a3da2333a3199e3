package dev.slipway.docker;

import java.time.Duration;
import java.util.Locale;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

@Configuration(proxyBeanMethods = false)
class DockerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DockerConfiguration.class);

	/** Short calls: a few at a time at most. */
	private static final int API_CONNECTIONS = 100;

	/**
	 * Every running container's log is followed over a connection of its own for as long as it runs,
	 * besides events, builds and execs: at 100, the 100th dyno took the last one and the next
	 * router reload waited for a connection until it failed. A connection to the engine's socket
	 * costs a file descriptor, so the bound is far above what one host runs.
	 */
	private static final int STREAM_CONNECTIONS = 10_000;

	@Bean
	DockerClients dockerClients(DockerSettings settings) {
		// The API version stays unset, so requests go unversioned and any engine from 20.10 on answers.
		DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
		if (settings.host() != null && !settings.host().isBlank()) {
			builder.withDockerHost(settings.host());
		}
		DockerClientConfig config = builder.build();
		DockerHttpClient streamTransport = transport(config, null, STREAM_CONNECTIONS);
		DockerClients clients = new DockerClients(
				DockerClientImpl.getInstance(config, transport(config, settings.responseTimeout(), API_CONNECTIONS)),
				DockerClientImpl.getInstance(config, streamTransport), streamTransport, config);
		String version = ping(clients.api(), config);
		log.info("Docker Engine {} at {}", version, config.getDockerHost());
		return clients;
	}

	private static DockerHttpClient transport(DockerClientConfig config, Duration responseTimeout, int maxConnections) {
		ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
			.dockerHost(config.getDockerHost())
			.sslConfig(config.getSSLConfig())
			.maxConnections(maxConnections)
			.connectionTimeout(Duration.ofSeconds(10));
		if (responseTimeout != null) {
			http.responseTimeout(responseTimeout);
		}
		return http.build();
	}

	private static String ping(DockerClient docker, DockerClientConfig config) {
		try {
			docker.pingCmd().exec();
			return docker.versionCmd().exec().getVersion();
		}
		catch (RuntimeException ex) {
			String cause = rootMessage(ex);
			throw new StartupFailure(
					"Slipway cannot reach Docker Engine at " + config.getDockerHost() + " (" + cause + ").",
					unreachableAction(cause));
		}
	}

	/** One line that names the fix, the likeliest first: the cause tells a refused socket from a missing engine. */
	static String unreachableAction(String cause) {
		String lower = cause == null ? "" : cause.toLowerCase(Locale.ROOT);
		if (lower.contains("permission denied") || lower.contains("access denied")) {
			return "Add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or run Slipway "
					+ "as root; or set DOCKER_HOST to a Docker Engine you may use.";
		}
		return "Install and start Docker Engine (Debian/Ubuntu: sudo apt-get install -y docker.io && sudo systemctl "
				+ "start docker, or sudo dockerd & without systemd), add your user to the docker group "
				+ "(sudo usermod -aG docker $USER), or set DOCKER_HOST to where Docker listens.";
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

}
