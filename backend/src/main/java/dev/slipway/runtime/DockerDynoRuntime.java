package dev.slipway.runtime;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

import dev.slipway.apps.App;
import dev.slipway.progress.Progress;

import org.springframework.stereotype.Component;

/** Dynos as containers on this installation's one Docker host. */
@Component
class DockerDynoRuntime implements DynoRuntime {

	private final Rollout rollout;

	private final FormationService formations;

	private final DynoService dynos;

	private final OneOffDynos oneOffs;

	private final AppLifecycle lifecycle;

	private final Deployments deployments;

	DockerDynoRuntime(Rollout rollout, FormationService formations, DynoService dynos, OneOffDynos oneOffs,
			AppLifecycle lifecycle, Deployments deployments) {
		this.deployments = deployments;
		this.rollout = rollout;
		this.formations = formations;
		this.dynos = dynos;
		this.oneOffs = oneOffs;
		this.lifecycle = lifecycle;
	}

	@Override
	public void runReleasePhase(DeploySpec release, Progress progress) {
		rollout.runReleasePhase(release, progress);
	}

	@Override
	public void deploy(DeploySpec release, Progress progress) {
		rollout.deploy(release, progress);
	}

	@Override
	public void restart(App app) {
		rollout.restart(app.id(), app.name());
	}

	@Override
	public List<Formation> formation(App app) {
		return formations.of(app);
	}

	@Override
	public List<Formation> scale(App app, List<FormationUpdate> updates, String author) {
		return formations.scale(app, updates, author);
	}

	@Override
	public List<Dyno> dynos(App app) {
		return dynos.of(app);
	}

	@Override
	public int runAttached(App app, String command, Consumer<String> output, Duration timeout) {
		return oneOffs.runAttached(app, command, output, timeout);
	}

	@Override
	public InteractiveDyno runInteractive(App app, String command, TerminalSize terminal, String term,
			InteractiveOutput output) {
		return oneOffs.runInteractive(app, command, terminal, term, output);
	}

	@Override
	public void requireDeployed(App app) {
		oneOffs.requireDeployed(app);
	}

	@Override
	public String runDetached(App app, String command) {
		return oneOffs.runDetached(app, command);
	}

	@Override
	public void stop(App app) {
		lifecycle.withdraw(app.name());
		lifecycle.remove(app.name());
	}

	@Override
	public OptionalInt deployedRelease(App app) {
		return deployments.findById(app.id())
			.map(deployment -> OptionalInt.of(deployment.releaseVersion()))
			.orElseGet(OptionalInt::empty);
	}

	@Override
	public void discard(App app, int release) {
		lifecycle.discard(app.name(), release);
	}

}
