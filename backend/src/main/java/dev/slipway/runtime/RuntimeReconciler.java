package dev.slipway.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

	/**
	 * Brings one process type to its stored quantity and size. A crash during scaling can leave dynos past
	 * the quantity (a scale-down's, still stopping), dynos of the old size (a resize's, whose replacements
	 * may or may not have started) or two dynos at one index: one dyno of the stored size is kept per
	 * index and started again if it stopped, the others retire, and missing ones are launched. Dynos of
	 * the old size retire only once their replacements are up, so an interrupted resize has no downtime.
	 */
	private void restore(App app, DeploySpec spec, Formation type) {
		String size = type.size().label();
		Map<Integer, TrackedDyno> kept = new HashMap<>();
		List<TrackedDyno> extra = new ArrayList<>();
		List<TrackedDyno> resized = new ArrayList<>();
		List<TrackedDyno> upFirst = states.active(app.name(), spec.version(), type.processType())
			.stream()
			.sorted(Comparator.comparing((TrackedDyno dyno) -> dyno.state() != DynoState.UP))
			.toList();
		for (TrackedDyno dyno : upFirst) {
			if (dyno.index > type.quantity()) {
				extra.add(dyno);
			}
			else if (!dyno.size.equals(size)) {
				resized.add(dyno);
			}
			else if (kept.putIfAbsent(dyno.index, dyno) != null) {
				extra.add(dyno);
			}
		}
		if (!extra.isEmpty()) {
			launcher.retire(extra);
		}
		for (TrackedDyno dyno : kept.values()) {
			InspectContainerResponse container = containers.inspect(dyno.containerId);
			if (container != null && !Boolean.TRUE.equals(container.getState().getRunning())
					&& !Boolean.TRUE.equals(container.getState().getRestarting())) {
				containers.start(dyno.containerId);
			}
		}
		List<Integer> missing = Rollout.indexes(type.quantity()).stream().filter(index -> !kept.containsKey(index)).toList();
		List<TrackedDyno> booting = type.processType().equals(ProcessType.WEB)
				? kept.values().stream().filter(dyno -> dyno.state() != DynoState.UP).toList() : List.of();
		if (missing.isEmpty() && booting.isEmpty() && resized.isEmpty()) {
			return;
		}
		executor.execute(() -> {
			try {
				if (!missing.isEmpty()) {
					launcher.launch(spec, type.processType(), missing, type.size());
				}
				boolean allUp = booting.stream()
					.map(dyno -> launcher.awaitUp(spec, dyno))
					.toList()
					.stream()
					.allMatch(BootOutcome.Up.class::isInstance);
				routes.refresh(app.id(), app.name());
				if (!resized.isEmpty() && allUp) {
					resized.forEach(states::retiring);
					routes.refresh(app.id(), app.name());
					launcher.retire(resized);
				}
			}
			catch (DeployFailed ex) {
				log.warn("Restoring the formation of {} failed: {}", app.name(), ex.getMessage());
			}
		});
	}

	/** Retires dynos of other releases and brings each process type to its stored formation. */
	private void restoreFormation(App app, DeploySpec spec) {
		List<TrackedDyno> stale = states.of(app.name())
			.stream()
			.filter(dyno -> dyno.release != spec.version() && !dyno.retiring())
			.toList();
		if (!stale.isEmpty()) {
			launcher.retire(stale);
		}
		for (Formation type : formations.findByAppIdOrderByProcessType(app.id())) {
			if (spec.runs(type.processType())) {
				restore(app, spec, type);
			}
		}
	}

}
