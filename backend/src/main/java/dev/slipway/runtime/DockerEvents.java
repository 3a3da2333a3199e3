package dev.slipway.runtime;

import java.time.Instant;
import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.DockerEventStream;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.runtime.DynoStates.TrackedDyno;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Follows Docker's events for this installation's dyno containers: a crash marks the dyno crashed
 * and takes it out of the route; Docker's restart policy brings it back with a growing back-off,
 * and once up again it is routed to again.
 */
@Component
class DockerEvents {

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final DynoStates states;

	private final DynoContainers containers;

	private final DynoLauncher launcher;

	private final Deployments deployments;

	private final Routes routes;

	private DockerEventStream stream;

	private final TaskExecutor executor;

	DockerEvents(DockerClients docker, InstanceSettings instance, DynoStates states, DynoContainers containers,
			DynoLauncher launcher, Deployments deployments, Routes routes, @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.docker = docker;
		this.instance = instance;
		this.states = states;
		this.containers = containers;
		this.launcher = launcher;
		this.deployments = deployments;
		this.routes = routes;
		this.executor = executor;
	}

	synchronized void start(Instant since, Runnable onReconnect) {
		stream = new DockerEventStream(docker, Map.of(SlipwayLabels.INSTANCE, instance.name()), this::handle, onReconnect,
				executor);
		stream.start(since);
	}

	synchronized void stop() {
		if (stream != null) {
			stream.stop();
		}
	}

	private void handle(Event event) {
		String action = DockerEventStream.action(event);
		Map<String, String> attributes = DockerEventStream.attributes(event);
		if (action == null || !SlipwayLabels.ROLE_DYNO.equals(attributes.get(SlipwayLabels.ROLE))) {
			return;
		}
		switch (action) {
			case "start" -> started(event.getId());
			case "die" -> died(event.getId(), attributes.get("exitCode"));
			case "destroy" -> states.forget(event.getId());
			default -> {
			}
		}
	}

	/** A start Slipway did not ask for: Docker's restart policy brought a crashed dyno back. */
	private void started(String containerId) {
		TrackedDyno known = states.get(containerId).orElse(null);
		if (known != null && known.state() != DynoState.CRASHED) {
			return;
		}
		InspectContainerResponse container = containers.inspect(containerId);
		if (container == null) {
			return;
		}
		TrackedDyno dyno = known != null ? known : states.track(container, DynoState.STARTING);
		states.restarted(dyno, container);
		Deployment deployment = deployments.findById(dyno.appId).orElse(null);
		if (deployment == null || deployment.releaseVersion() != dyno.release) {
			return;
		}
		if (!dyno.processType.equals(ProcessType.WEB)) {
			states.up(dyno);
			return;
		}
		executor.execute(() -> {
			if (launcher.awaitUp(deployment.spec(dyno.app), dyno) instanceof BootOutcome.Up) {
				routes.refresh(dyno.appId, dyno.app);
			}
		});
	}

	private void died(String containerId, String exitCode) {
		TrackedDyno dyno = states.get(containerId).orElse(null);
		if (dyno == null || dyno.retiring()) {
			return;
		}
		states.crashed(dyno, exitCode == null ? null : Integer.valueOf(exitCode));
		routes.refresh(dyno.appId, dyno.app);
	}

}
