package dev.slipway.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.slipway.apps.App;
import dev.slipway.apps.AppLocks;
import dev.slipway.errors.SlipwayException;
import dev.slipway.logs.AppLogs;
import dev.slipway.runtime.DynoStates.TrackedDyno;

import org.springframework.stereotype.Service;

/**
 * Scaling: the quantity and size of each process type. Scaling one type touches only its dynos;
 * new web dynos serve once they are up, removed ones leave the router before they get SIGTERM.
 */
@Service
class FormationService {

	private final Formations formations;

	private final Deployments deployments;

	private final DynoStates states;

	private final DynoLauncher launcher;

	private final Routes routes;

	private final AppLocks locks;

	private final AppLogs logs;

	FormationService(Formations formations, Deployments deployments, DynoStates states, DynoLauncher launcher,
			Routes routes, AppLocks locks, AppLogs logs) {
		this.formations = formations;
		this.deployments = deployments;
		this.states = states;
		this.launcher = launcher;
		this.routes = routes;
		this.locks = locks;
		this.logs = logs;
	}

	public List<Formation> of(App app) {
		return formations.findByAppIdOrderByProcessType(app.id());
	}

	/** Applies every update, or none when one of them is invalid. */
	public List<Formation> scale(App app, List<FormationUpdate> updates, String author) {
		return locks.with(app.id(), () -> {
			Optional<DeploySpec> spec = deployments.findById(app.id()).map(deployment -> deployment.spec(app.name()));
			List<Formation> changed = new ArrayList<>();
			for (FormationUpdate update : updates) {
				changed.add(validate(app, spec, update));
			}
			for (int i = 0; i < updates.size(); i++) {
				apply(app, spec, changed.get(i), updates.get(i));
			}
			routes.refresh(app.id(), app.name());
			logs.platform(app.id(), "api", "Scaled to " + changed.stream()
				.map(type -> type.processType() + "@" + type.quantity() + ":" + type.size().label())
				.collect(Collectors.joining(" ")) + " by " + author);
			return of(app);
		});
	}

	private Formation validate(App app, Optional<DeploySpec> spec, FormationUpdate update) {
		FormationLimits.check(update);
		return formations.findByAppIdAndProcessType(app.id(), update.type())
			.orElseThrow(() -> SlipwayException.notFound("unknown_process_type",
					app.name() + " has no process type '" + update.type() + "'" + spec.map(s -> ". Its release v"
							+ s.version() + " runs: " + runnable(s))
						.orElse("; nothing is deployed yet.")));
	}

	private void apply(App app, Optional<DeploySpec> spec, Formation formation, FormationUpdate update) {
		int quantity = update.quantity() != null ? update.quantity() : formation.quantity();
		DynoSize size = update.size() != null ? DynoSize.of(update.size()).orElseThrow() : formation.size();
		boolean resized = size != formation.size();
		formation.scale(quantity, size);
		formations.save(formation);
		if (spec.isEmpty() || !spec.get().runs(formation.processType())) {
			return;
		}
		String type = formation.processType();
		List<TrackedDyno> running = states.active(app.name(), spec.get().version(), type);
		if (resized) {
			launcher.launch(spec.get(), type, Rollout.indexes(quantity), size);
			retire(app, running);
			return;
		}
		Set<Integer> present = running.stream().map(dyno -> dyno.index).collect(Collectors.toSet());
		List<Integer> missing = Rollout.indexes(quantity).stream().filter(index -> !present.contains(index)).toList();
		if (!missing.isEmpty()) {
			launcher.launch(spec.get(), type, missing, size);
		}
		retire(app, running.stream().filter(dyno -> dyno.index > quantity).toList());
	}

	/** Takes dynos out of the route first, then stops them. */
	private void retire(App app, List<TrackedDyno> dynos) {
		if (dynos.isEmpty()) {
			return;
		}
		dynos.forEach(states::retiring);
		routes.refresh(app.id(), app.name());
		launcher.retire(dynos);
	}

	private static String runnable(DeploySpec spec) {
		return spec.processTypes().keySet().stream().filter(type -> !type.equals(ProcessType.RELEASE)).sorted().collect(Collectors.joining(", "));
	}

}
