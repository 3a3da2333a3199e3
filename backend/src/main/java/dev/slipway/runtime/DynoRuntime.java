package dev.slipway.runtime;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

import dev.slipway.apps.App;
import dev.slipway.progress.Progress;

/**
 * Something that runs dynos: what releases, the router and the pages need of it. Today one Docker
 * host runs them; a cluster engine would be another implementation of this interface, and every
 * implementation must pass {@code DynoRuntimeContract}. One that shows on the dashboard publishes a
 * {@link DynosChanged} whenever what {@link #dynos} answers for an app changes, so the app's page
 * follows it.
 */
public interface DynoRuntime {

	/**
	 * Runs the release phase (the Procfile's {@code release} command), if the release has one, once
	 * before any of its dynos boot; {@link DeployFailed} when it exits non-zero or times out.
	 */
	void runReleasePhase(DeploySpec release, Progress progress);

	/**
	 * Rolls a release out with the app's formation: its web dynos must come up before the router
	 * switches to them and the previous dynos stop. {@link DeployFailed} leaves the previous release
	 * serving.
	 */
	void deploy(DeploySpec release, Progress progress);

	/** Replaces every dyno of the running release with a fresh one, web without downtime. */
	void restart(App app);

	/** How many dynos of each process type the app runs, and their size. */
	List<Formation> formation(App app);

	/** Applies every update to the formation, or none when one of them is invalid. */
	List<Formation> scale(App app, List<FormationUpdate> updates, String author);

	/** The app's dynos and their states, by process type and index. */
	List<Dyno> dynos(App app);

	/** Runs a one-off command in the current release: each line of output to {@code output}; returns its exit status. */
	int runAttached(App app, String command, Consumer<String> output, Duration timeout);

	/**
	 * Starts a one-off command in the current release with its stdin open to the caller, with a TTY of
	 * {@code terminal}'s size ({@code TERM} set to {@code term}), or without a TTY when terminal is null;
	 * its output and exit status go to {@code output}.
	 */
	InteractiveDyno runInteractive(App app, String command, TerminalSize terminal, String term,
			InteractiveOutput output);

	/** Refuses, before anything starts, an app that has no release to run a one-off command in. */
	void requireDeployed(App app);

	/** Starts a one-off command detached and returns its dyno's name; its output goes to the app's logs. */
	String runDetached(App app, String command);

	/** Stops and removes every dyno of an app and takes its route away, as when the app is deleted. */
	void stop(App app);

	/**
	 * The release the router sends the app's requests to, as recorded when the rollout switched to
	 * it; empty when nothing was deployed. Survives a crash, so an interrupted rollout can be judged.
	 */
	OptionalInt deployedRelease(App app);

	/**
	 * Removes every container of a release that was never switched to (its release phase, its
	 * booting dynos), as after a rollout a crash interrupted.
	 */
	void discard(App app, int release);

}
