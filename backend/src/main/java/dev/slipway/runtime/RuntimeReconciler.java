package dev.slipway.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.slipway.apps.App;
import dev.slipway.apps.AppLocks;
import dev.slipway.apps.AppService;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.errors.SlipwayException;
import dev.slipway.runtime.DynoStates.TrackedDyno;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, removes what deleted apps left behind, adopts the dyno containers it finds by label, brings each app back to its formation,
 * gives the router every route at once and starts following Docker's events. Apps keep running
 * while Slipway is down, and the router keeps serving them throughout.
 */
@Component
class RuntimeReconciler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RuntimeReconciler.class);

	private static final String UNLESS_STOPPED = RestartPolicy.unlessStoppedRestart().getName();

	private final DynoContainers containers;

	private final DynoStates states;

	private final DynoLauncher launcher;

	private final Deployments deployments;

	private final Formations formations;

	private final Routes routes;

	private final DockerEvents events;

	private final AppService apps;

	private final AppLocks locks;

	private final AppLifecycle lifecycle;

	private volatile boolean running;

	private final TaskExecutor executor;

	RuntimeReconciler(DynoContainers containers, DynoStates states, DynoLauncher launcher, Deployments deployments,
			Formations formations, Routes routes, DockerEvents events, AppService apps, AppLocks locks,
			AppLifecycle lifecycle, @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.containers = containers;
		this.states = states;
		this.launcher = launcher;
		this.deployments = deployments;
		this.formations = formations;
		this.routes = routes;
		this.events = events;
		this.apps = apps;
		this.locks = locks;
		this.lifecycle = lifecycle;
		this.executor = executor;
	}

	@Override
	public void start() {
		Instant since = Instant.now();
		lifecycle.removeAllBut(apps.all().stream().map(App::name).collect(Collectors.toSet()));
		reconcile();
		events.start(since, this::reconcile);
		running = true;
	}

	@Override
	public void stop() {
		events.stop();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Before the web server, so nothing is pushed or scaled before Slipway knows what runs. */
	@Override
	public int getPhase() {
		return 0;
	}

	synchronized void reconcile() {
		List<App> all = apps.all();
		Set<String> names = all.stream().map(App::name).collect(Collectors.toSet());
		List<Container> found = containers.list(null);
		states.retainOnly(found.stream().map(Container::getId).collect(Collectors.toSet()));
		for (Container each : found) {
			String id = each.getId();
			InspectContainerResponse container = containers.inspect(id);
			if (container == null) {
				continue;
			}
			String app = container.getConfig().getLabels().get(SlipwayLabels.APP);
			if (!names.contains(app)) {
				log.info("Removing the dyno container {} of the deleted app {}", id, app);
				executor.execute(() -> containers.stopAndRemove(id));
				continue;
			}
			adopt(container);
		}
		for (App app : all) {
			try {
				locks.with(app.id(), () -> {
					deployments.findById(app.id()).ifPresent(deployment -> restoreFormation(app, deployment.spec(app.name())));
					return null;
				});
			}
			catch (SlipwayException ex) {
				// Only after a reconnect can a change be under way; it rolls out what it deploys itself.
				log.warn("Not restoring the formation of {}: {}", app.name(), ex.getMessage());
			}
		}
		routes.initialise(all);
	}

	private void adopt(InspectContainerResponse container) {
		boolean up = Boolean.TRUE.equals(container.getState().getRunning())
				&& !Boolean.TRUE.equals(container.getState().getRestarting());
		String address = containers.address(container);
		TrackedDyno dyno = states.get(container.getId()).orElseGet(() -> states.track(container, DynoState.STARTING));
		states.adopted(dyno, container, address);
		if (!up) {
			states.crashed(dyno, container.getState().getExitCodeLong() == null ? null
					: container.getState().getExitCodeLong().intValue());
		}
		else if (!dyno.processType.equals(ProcessType.WEB) || (address != null && BootCheck.accepts(address, 500))) {
			RestartPolicy policy = container.getHostConfig().getRestartPolicy();
			if (policy == null || !UNLESS_STOPPED.equals(policy.getName())) {
				// Slipway stopped between its boot check and giving it the restart policy.
				containers.restartOnExit(container.getId());
			}
			states.up(dyno);
		}
	}

	/** Retires dynos of other releases, restarts stopped ones, starts missing ones and stops extra ones. */
	private void restoreFormation(App app, DeploySpec spec) {
		List<TrackedDyno> stale = states.of(app.name())
			.stream()
			.filter(dyno -> dyno.release != spec.version() && !dyno.retiring())
			.toList();
		if (!stale.isEmpty()) {
			launcher.retire(stale);
		}
		Map<String, Formation> formation = formations.findByAppIdOrderByProcessType(app.id())
			.stream()
			.collect(Collectors.toMap(Formation::processType, type -> type));
		for (Formation type : formation.values()) {
			if (!spec.runs(type.processType())) {
				continue;
			}
			List<TrackedDyno> active = states.active(app.name(), spec.version(), type.processType());
			for (TrackedDyno dyno : active) {
				InspectContainerResponse container = containers.inspect(dyno.containerId);
				if (container != null && !Boolean.TRUE.equals(container.getState().getRunning())
						&& !Boolean.TRUE.equals(container.getState().getRestarting())) {
					containers.start(dyno.containerId);
				}
			}
			Set<Integer> present = active.stream().map(dyno -> dyno.index).collect(Collectors.toSet());
			List<Integer> missing = Rollout.indexes(type.quantity())
				.stream()
				.filter(index -> !present.contains(index))
				.toList();
			if (!missing.isEmpty()) {
				executor.execute(() -> {
					try {
						launcher.launch(spec, type.processType(), missing, type.size());
						routes.refresh(app.id(), app.name());
					}
					catch (DeployFailed ex) {
						log.warn("Restoring the formation of {} failed: {}", app.name(), ex.getMessage());
					}
				});
			}
			List<TrackedDyno> extra = active.stream().filter(dyno -> dyno.index > type.quantity()).toList();
			if (!extra.isEmpty()) {
				launcher.retire(extra);
			}
		}
		for (TrackedDyno dyno : states.active(app.name(), spec.version(), ProcessType.WEB)) {
			if (dyno.state() == DynoState.STARTING) {
				executor.execute(() -> {
					if (launcher.awaitUp(spec, dyno) instanceof BootOutcome.Up) {
						routes.refresh(app.id(), app.name());
					}
				});
			}
		}
	}

}
