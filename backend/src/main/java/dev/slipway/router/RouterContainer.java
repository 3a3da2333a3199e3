package dev.slipway.router;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.slipway.docker.BuildContext;
import dev.slipway.docker.ContainerExec;
import dev.slipway.docker.ContainerLogs;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.PlatformImages;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The nginx container on the host network that routes requests to dynos. It outlives Slipway: a
 * restart of the control plane finds it running and leaves it be.
 */
@Component
class RouterContainer {

	static final String IMAGE = "slipway/router:nginx";

	private static final Logger log = LoggerFactory.getLogger(RouterContainer.class);

	private static final String CONFIG_DIRECTORY = "/etc/nginx/slipway";

	private final DockerClients docker;

	private final PlatformImages images;

	private final InstanceSettings instance;

	private final RouterSettings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	RouterContainer(DockerClients docker, PlatformImages images, InstanceSettings instance, RouterSettings settings) {
		this.docker = docker;
		this.images = images;
		this.instance = instance;
		this.settings = settings;
	}

	String name() {
		return instance.resourceName("router");
	}

	/** Starts the router unless it runs with the current image already. */
	void ensureRunning() {
		String image = images.ensure(IMAGE, "images/router");
		String imageId = docker.api().inspectImageCmd(image).exec().getId();
		InspectContainerResponse existing = docker.container(name()).orElse(null);
		if (existing != null && !imageId.equals(existing.getImageId())) {
			log.info("Replacing the router: its image changed");
			docker.api().removeContainerCmd(name()).withForce(true).exec();
			existing = null;
		}
		if (existing == null) {
			docker.api()
				.createContainerCmd(image)
				.withName(name())
				.withLabels(Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.ROLE, SlipwayLabels.ROLE_ROUTER))
				.withHostConfig(HostConfig.newHostConfig()
					.withNetworkMode("host")
					.withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
				.exec();
		}
		if (existing == null || !Boolean.TRUE.equals(existing.getState().getRunning())) {
			log.info("Starting the router on port {}", settings.port());
			docker.api().startContainerCmd(name()).exec();
		}
	}

	/** Installs new routes if nginx accepts them and reloads gracefully; waits until nginx serves them. */
	void install(String routes, long generation) {
		BuildContext file = new BuildContext().with("routes.next.conf", routes.getBytes(StandardCharsets.UTF_8));
		docker.api()
			.copyArchiveToContainerCmd(name())
			.withRemotePath(CONFIG_DIRECTORY)
			.withTarInputStream(new ByteArrayInputStream(file.tar()))
			.exec();
		ContainerExec.Result reload = ContainerExec.run(docker, name(), "slipway-router-reload");
		if (!reload.succeeded()) {
			throw new IllegalStateException("nginx refused the routes: " + reload.output().strip());
		}
		awaitGeneration(generation);
	}

	/** The generation the router serves, read from its own answer: proof that new workers took over. */
	private void awaitGeneration(long generation) {
		Instant deadline = Instant.now().plusSeconds(30);
		String expected = String.valueOf(generation);
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> answer = http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + settings.port() + "/__slipway/generation"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (answer.body().strip().equals(expected)) {
					return;
				}
			}
			catch (IOException ex) {
				log.debug("The router does not answer yet: {}", ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			sleep();
		}
		throw new IllegalStateException("The router did not take the new routes within 30 s. Is port " + settings.port()
				+ " free? Its output:\n" + String.join("\n", ContainerLogs.tail(docker, name(), 20)));
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
