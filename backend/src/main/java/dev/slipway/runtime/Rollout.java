package dev.slipway.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.slipway.apps.AppLocks;
import dev.slipway.logs.AppLogs;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.DynoStates.TrackedDyno;

import org.springframework.stereotype.Service;

/**
 * Rolls a release out without downtime: the new web dynos start and must come up first; only then
 * does the router switch to them, and only once nginx serves them do the old dynos get SIGTERM. A
 * release whose web dynos do not come up is not deployed, and what ran before keeps running.
 */
@Service
class Rollout {

	private final AppLocks locks;

	private final FormationPlanner planner;

	private final DynoLauncher launcher;

	private final DynoStates states;

	private final Deployments deployments;

	private final Routes routes;

	private final OneOffDynos oneOffs;

	private final RuntimeSettings settings;

	private final DynoContainers containers;

	private final AppLogs logs;

	Rollout(AppLocks locks, FormationPlanner planner, DynoLauncher launcher, DynoStates states,
			Deployments deployments, Routes routes, OneOffDynos oneOffs,
			RuntimeSettings settings, DynoContainers containers, AppLogs logs) {
		this.locks = locks;
		this.planner = planner;
		this.launcher = launcher;
		this.states = states;
		this.deployments = deployments;
		this.routes = routes;
		this.oneOffs = oneOffs;
		this.settings = settings;
		this.containers = containers;
		this.logs = logs;
	}

	/**
	 * Runs the release phase (the Procfile's {@code release} command) once, in a one-off container of
	 * the new release, before any of its dynos boot; a non-zero exit or the timeout fails the release.
	 */
	public void runReleasePhase(DeploySpec spec, Progress log) {
		String command = spec.command(ProcessType.RELEASE);
		if (command == null) {
			return;
		}
		log.step("Running the release phase: " + command);
		int status = oneOffs.run(spec, ProcessType.RELEASE + ".1", ProcessType.RELEASE, command, log::detail, settings.releasePhaseTimeout());
		if (status != 0) {
			throw new DeployFailed("The release phase exited with status " + status + "; v" + spec.version()
					+ " is not deployed.");
		}
		log.detail("The release phase succeeded");
	}

	/** Deploys a release; {@link DeployFailed} leaves the previous release serving. */
	public void deploy(DeploySpec spec, Progress log) {
		locks.with(spec.appId(), () -> {
			roll(spec, log);
			return null;
		});
	}

	/**
	 * Replaces every dyno of the running release with a fresh one, web without downtime. Asked for from
	 * the dashboard or the API, where nobody reads the progress.
	 */
	public void restart(long appId, String app) {
		locks.with(appId, () -> {
			Deployment deployment = deployments.findById(appId)
				.orElseThrow(() -> new DeployFailed(app + " has nothing deployed to restart."));
			roll(deployment.spec(app), Progress.DISCARD);
			return null;
		});
	}

	private void roll(DeploySpec spec, Progress log) {
		announceUser(spec, log);
		List<Formation> formation = planner.formationFor(spec);
		List<TrackedDyno> previous = states.of(spec.appName()).stream().filter(dyno -> !dyno.retiring()).toList();
		Optional<Formation> web = formation.stream().filter(type -> type.processType().equals(ProcessType.WEB)).findFirst();
		List<TrackedDyno> started = new ArrayList<>();
		if (web.isPresent() && web.get().quantity() > 0 && spec.runs(ProcessType.WEB)) {
			int quantity = web.get().quantity();
			log.step("Starting " + quantity + " web dyno" + (quantity == 1 ? "" : "s") + " of v" + spec.version()
					+ " (boot timeout " + spec.bootTimeout().toSeconds() + " s)");
			List<TrackedDyno> booting = launcher.start(spec, ProcessType.WEB, indexes(quantity), web.get().size());
			launcher.awaitBoot(spec, booting);
			started.addAll(booting);
			log.detail("All web dynos of v" + spec.version() + " are up");
		}
		deployments.findById(spec.appId()).ifPresentOrElse(deployment -> {
			deployment.update(spec);
			deployments.save(deployment);
		}, () -> deployments.save(new Deployment(spec)));
		// A restart's new dynos have the release of those they replace: those leave the route with the
		// switch, not after it, or the router keeps sending to addresses that stop answering.
		previous.forEach(states::retiring);
		try {
			routes.refresh(spec.appId(), spec.appName());
		}
		catch (RuntimeException ex) {
			previous.forEach(states::kept);
			throw ex;
		}
		if (!started.isEmpty()) {
			log.step("The router sends requests to v" + spec.version());
		}
		for (Formation type : formation) {
			if (!type.processType().equals(ProcessType.WEB) && type.quantity() > 0 && spec.runs(type.processType())) {
				log.step("Starting " + type.quantity() + " " + type.processType() + " dyno"
						+ (type.quantity() == 1 ? "" : "s"));
				started.addAll(launcher.launch(spec, type.processType(), indexes(type.quantity()), type.size()));
			}
		}
		if (!previous.isEmpty()) {
			log.step("Stopping " + previous.size() + " previous dyno" + (previous.size() == 1 ? "" : "s")
					+ " (SIGTERM, then SIGKILL after the stop timeout)");
			launcher.retire(previous);
		}
	}

	/** Says so when the image would run as root: its dynos run unprivileged, or as root with a warning. */
	private void announceUser(DeploySpec spec, Progress log) {
		switch (containers.user(spec)) {
			case ROOT -> {
				String warning = "The dynos of v" + spec.version() + " run as root: the image's user is root (no USER, "
						+ "USER root, or a user with uid 0) and the app allows it. Add a USER of your own to the Dockerfile, "
						+ "then turn dynos_may_run_as_root off.";
				log.warning(warning);
				logs.platform(spec.appId(), "api", warning);
			}
			case UNPRIVILEGED -> log.detail("The image's user is root (no USER, USER root, or a user with uid 0), so "
					+ "its dynos run as the unprivileged "
					+ "user " + DynoContainers.UNPRIVILEGED_USER + " with HOME=" + DynoContainers.UNPRIVILEGED_HOME
					+ ". An image that truly needs root: PATCH /api/apps/" + spec.appName()
					+ " {\"dynos_may_run_as_root\": true}.");
			case IMAGE -> {
				// Its own user, as built.
			}
		}
	}

	static List<Integer> indexes(int quantity) {
		return IntStream.rangeClosed(1, quantity).boxed().toList();
	}

}
