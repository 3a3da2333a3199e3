package dev.slipway.docker;

import java.time.Duration;

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

	@Bean
	DockerClients dockerClients(DockerSettings settings) {
		// The API version stays unset, so requests go unversioned and any engine from 20.10 on answers.
		DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
		if (settings.host() != null && !settings.host().isBlank()) {
			builder.withDockerHost(settings.host());
		}
		DockerClientConfig config = builder.build();
		DockerHttpClient streamTransport = transport(config, null);
		DockerClients clients = new DockerClients(DockerClientImpl.getInstance(config, transport(config, settings.responseTimeout())),
				DockerClientImpl.getInstance(config, streamTransport), streamTransport);
		String version = ping(clients.api(), config);
		log.info("Docker Engine {} at {}", version, config.getDockerHost());
		return clients;
	}

	private static DockerHttpClient transport(DockerClientConfig config, Duration responseTimeout) {
		ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
			.dockerHost(config.getDockerHost())
			.sslConfig(config.getSSLConfig())
			.maxConnections(100)
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
			throw new StartupFailure(
					"Slipway cannot reach Docker Engine at " + config.getDockerHost() + " (" + rootMessage(ex) + ").",
					"""
					Install and start Docker Engine, then start Slipway again:
					    Debian/Ubuntu: sudo apt-get install -y docker.io && sudo systemctl start docker
					    without systemd: sudo dockerd > /var/log/dockerd.log 2>&1 &
					Check it with `docker info`. If Docker listens elsewhere, set DOCKER_HOST (for example
					unix:///var/run/docker.sock or tcp://host:2375). Slipway needs access to the socket, so run it
					as root or as a member of the docker group.""");
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

}
