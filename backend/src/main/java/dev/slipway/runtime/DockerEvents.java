package dev.slipway.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.slipway.docker.DockerClients;
import dev.slipway.instance.InstanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Follows Docker's events for this installation's dyno containers: a crash marks the dyno crashed
 * and takes it out of the route; Docker's restart policy brings it back with a growing back-off,
 * and once up again it is routed to again. Reconnects when the stream breaks.
 */
@Component
class DockerEvents {

	private static final Logger log = LoggerFactory.getLogger(DockerEvents.class);

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final DynoStates states;

	private final DynoContainers containers;

	private final DynoLauncher launcher;

	private final Deployments deployments;

	private final Routes routes;

	private volatile boolean running;

	private volatile ResultCallback.Adapter<Event> stream;

	private Thread thread;

	DockerEvents(DockerClients docker, InstanceSettings instance, DynoStates states, DynoContainers containers,
			DynoLauncher launcher, Deployments deployments, Routes routes) {
		this.docker = docker;
		this.instance = instance;
		this.states = states;
		this.containers = containers;
		this.launcher = launcher;
		this.deployments = deployments;
		this.routes = routes;
	}

	synchronized void start(Instant since, Runnable onReconnect) {
		running = true;
		thread = Thread.ofVirtual().name("docker-events").start(() -> follow(since, onReconnect));
	}

	synchronized void stop() {
		running = false;
		closeStream();
		if (thread != null) {
			thread.interrupt();
		}
	}

	private void follow(Instant since, Runnable onReconnect) {
		Instant from = since;
		while (running) {
			Instant connected = Instant.now();
			try {
				stream = docker.streams()
					.eventsCmd()
					.withEventTypeFilter(EventType.CONTAINER)
					.withLabelFilter(Map.of(DynoLabels.INSTANCE, instance.name()))
					.withSince(String.valueOf(from.getEpochSecond()))
					.exec(new ResultCallback.Adapter<>() {
						@Override
						public void onNext(Event event) {
							handle(event);
						}
					});
				stream.awaitCompletion();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("The Docker event stream broke ({}); reconnecting", ex.getMessage());
			}
			if (!running) {
				return;
			}
			sleepBeforeReconnect();
			from = connected;
			// Anything may have changed while the stream was down: a Docker restart gives containers new addresses.
			onReconnect.run();
		}
	}

	private void handle(Event event) {
		String action = event.getAction() != null ? event.getAction() : event.getStatus();
		Map<String, String> attributes = event.getActor() == null ? Map.of() : event.getActor().getAttributes();
		if (action == null || attributes == null || !DynoLabels.ROLE_DYNO.equals(attributes.get(DynoLabels.ROLE))) {
			return;
		}
		try {
			switch (action) {
				case "start" -> started(event.getId());
				case "die" -> died(event.getId(), attributes.get("exitCode"));
				case "destroy" -> states.forget(event.getId());
				default -> {
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Handling the Docker event {} of {} failed: {}", action, event.getId(), ex.getMessage());
		}
	}

	/** A start Slipway did not ask for: Docker's restart policy brought a crashed dyno back. */
	private void started(String containerId) {
		TrackedDyno known = states.get(containerId).orElse(null);
		if (known != null && known.state != DynoState.CRASHED) {
			return;
		}
		InspectContainerResponse container = containers.inspect(containerId);
		if (container == null) {
			return;
		}
		TrackedDyno dyno = known != null ? known : states.track(container, DynoState.STARTING);
		Integer restarts = container.getRestartCount();
		dyno.restarts = restarts == null ? dyno.restarts : restarts;
		states.transition(dyno, DynoState.STARTING, null);
		Deployment deployment = deployments.findById(dyno.appId).orElse(null);
		if (deployment == null || deployment.releaseVersion() != dyno.release) {
			return;
		}
		if (!dyno.processType.equals("web")) {
			states.transition(dyno, DynoState.UP, null);
			return;
		}
		Thread.ofVirtual().name("boot-" + dyno.name()).start(() -> {
			if (launcher.awaitUp(deployment.spec(dyno.app), dyno) == null) {
				routes.refresh(dyno.appId, dyno.app);
			}
		});
	}

	private void died(String containerId, String exitCode) {
		TrackedDyno dyno = states.get(containerId).orElse(null);
		if (dyno == null || dyno.retiring) {
			return;
		}
		states.transition(dyno, DynoState.CRASHED, exitCode == null ? null : Integer.valueOf(exitCode));
		routes.refresh(dyno.appId, dyno.app);
	}

	private void closeStream() {
		ResultCallback.Adapter<Event> current = stream;
		if (current != null) {
			try {
				current.close();
			}
			catch (Exception ignored) {
				// Closing a broken stream.
			}
		}
	}

	private static void sleepBeforeReconnect() {
		try {
			TimeUnit.SECONDS.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
