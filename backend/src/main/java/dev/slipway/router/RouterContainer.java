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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
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
 * restart of the control plane finds it running and leaves it be. Its access log is in a volume of
 * its own, so entries not yet read survive a new router container (a new image).
 */
@Component
class RouterContainer {

	static final String IMAGE = "slipway/router:nginx";

	private static final Logger log = LoggerFactory.getLogger(RouterContainer.class);

	private static final String CONFIG_DIRECTORY = "/etc/nginx/slipway";

	private static final String ROUTES = "routes.conf";

	private static final String NEXT_ROUTES = "routes.next.conf";

	private static final String LOG_DIRECTORY = "/var/log/slipway";

	private static final String CHALLENGES_DIRECTORY = "/etc/nginx/slipway/acme/.well-known/acme-challenge";

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
			Map<String, String> labels = Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.ROLE,
					SlipwayLabels.ROLE_ROUTER);
			String volume = instance.resourceName("router-log");
			if (docker.api().listVolumesCmd().exec().getVolumes().stream().noneMatch(v -> v.getName().equals(volume))) {
				docker.api().createVolumeCmd().withName(volume).withLabels(labels).exec();
			}
			docker.api()
				.createContainerCmd(image)
				.withName(name())
				.withLabels(labels)
				.withHostConfig(HostConfig.newHostConfig()
					.withNetworkMode("host")
					.withBinds(new Bind(volume, new Volume(LOG_DIRECTORY)))
					.withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
				.exec();
		}
		if (existing == null || !Boolean.TRUE.equals(existing.getState().getRunning())) {
			log.info("Starting the router on port {}", settings.port());
			docker.api().startContainerCmd(name()).exec();
		}
	}

	/**
	 * Installs new routes if nginx accepts them and reloads gracefully, running nginx's test and
	 * reload in the container; waits until nginx serves them. For the first routes after a start,
	 * when nginx may only just have started.
	 */
	void install(String routes, long generation) {
		copy(NEXT_ROUTES, routes);
		ContainerExec.Result reload = ContainerExec.run(docker, name(), "slipway-router-reload");
		if (!reload.succeeded()) {
			throw new IllegalStateException("nginx refused the routes: " + reload.output().strip());
		}
		awaitGeneration(generation);
	}

	/**
	 * Installs new routes in a running router: puts them in place and signals nginx's master (the
	 * container's main process) to reload gracefully, two calls to Docker where a script in the
	 * container costs a process there. The master reads the whole new configuration before it touches a
	 * worker and keeps the running one on any error, so its own read is nginx's test of the routes, and
	 * a separate {@code nginx -t} would only read them once more. Waits until nginx serves the new
	 * generation and no old worker accepts connections. When nginx refuses the routes (it says so on
	 * its output), puts {@code previous} back in place, so that a restarted router starts with what it
	 * served, and throws.
	 */
	void reload(String routes, String previous, long generation) {
		Set<String> old = acceptingWorkers();
		copy(ROUTES, routes);
		Instant signalled = Instant.now();
		docker.api().killContainerCmd(name()).withSignal("HUP").exec();
		Instant workersDeadline = signalled.plusSeconds(10);
		Instant deadline = signalled.plusSeconds(30);
		Instant nextRefusalCheck = signalled.plusMillis(100);
		boolean serving = false;
		boolean oldWorkersGone = false;
		while (true) {
			serving = serving || serves(generation);
			// A worker long in a request still shuts down; the new routes are in place either way.
			oldWorkersGone = oldWorkersGone || Instant.now().isAfter(workersDeadline)
					|| Collections.disjoint(old, acceptingWorkers());
			if (serving && oldWorkersGone) {
				return;
			}
			if (!serving && Instant.now().isAfter(nextRefusalCheck)) {
				List<String> refusal = ContainerLogs.since(docker, name(), signalled)
					.stream()
					.filter(line -> line.contains("[emerg]"))
					.toList();
				if (!refusal.isEmpty()) {
					copy(ROUTES, previous);
					throw new IllegalStateException("nginx refused the routes: " + String.join("\n", refusal));
				}
				nextRefusalCheck = Instant.now().plusMillis(250);
			}
			if (Instant.now().isAfter(deadline)) {
				if (!serving) {
					copy(ROUTES, previous);
				}
				throw new IllegalStateException("The router did not take the new routes within 30 s. Is port "
						+ settings.port() + " free? Its output:\n"
						+ String.join("\n", ContainerLogs.tail(docker, name(), 20)));
			}
			sleep();
		}
	}

	/** The pids of nginx workers that accept connections; one shutting down renames itself. */
	private Set<String> acceptingWorkers() {
		TopContainerResponse top = docker.api().topContainerCmd(name()).withPsArgs("-o pid,args").exec();
		Set<String> workers = new HashSet<>();
		for (String[] process : top.getProcesses()) {
			if (process.length == 2 && process[1].strip().equals("nginx: worker process")) {
				workers.add(process[0].strip());
			}
		}
		return workers;
	}

	private void copy(String file, String content) {
		copy(CONFIG_DIRECTORY, new BuildContext().with(file, content.getBytes(StandardCharsets.UTF_8)));
	}

	private void copy(String directory, BuildContext files) {
		docker.api()
			.copyArchiveToContainerCmd(name())
			.withRemotePath(directory)
			.withTarInputStream(new ByteArrayInputStream(files.tar()))
			.exec();
	}

	/** Puts certificate files in the directory only root (nginx's master) may read. */
	void copyCertificates(List<TlsCertificate> certificates) {
		if (certificates.isEmpty()) {
			return;
		}
		BuildContext files = new BuildContext();
		certificates.forEach(certificate -> files.with(certificate.fileName(), certificate.file()));
		copy(RouteTable.CERTIFICATES_DIRECTORY, files);
	}

	/** A file nginx serves as is, with no reload: see the acme-challenge location of every plain-HTTP server. */
	void publishChallenge(String token, String keyAuthorization) {
		copy(CHALLENGES_DIRECTORY, new BuildContext().with(challengeFile(token), keyAuthorization.getBytes(StandardCharsets.US_ASCII)));
	}

	void withdrawChallenge(String token) {
		ContainerExec.run(docker, name(), "rm", "-f", CHALLENGES_DIRECTORY + "/" + challengeFile(token));
	}

	/** ACME tokens are base64url; anything else could name a path outside the directory. */
	private static String challengeFile(String token) {
		if (!token.matches("[A-Za-z0-9_-]{1,256}")) {
			throw new IllegalArgumentException("Not an ACME token: " + token);
		}
		return token;
	}

	/** The generation the router serves, read from its own answer: proof that new workers took over. */
	private void awaitGeneration(long generation) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			if (serves(generation)) {
				return;
			}
			sleep();
		}
		throw new IllegalStateException("The router did not take the new routes within 30 s. Is port " + settings.port()
				+ " free? Its output:\n" + String.join("\n", ContainerLogs.tail(docker, name(), 20)));
	}

	private boolean serves(long generation) {
		try {
			HttpResponse<String> answer = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + settings.port() + "/__slipway/generation"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.ofString());
			return answer.body().strip().equals(String.valueOf(generation));
		}
		catch (IOException ex) {
			log.debug("The router does not answer yet: {}", ex.getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the router to take the new routes", ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
