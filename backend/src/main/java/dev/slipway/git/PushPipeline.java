package dev.slipway.git;

import java.io.IOException;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppLocks;
import dev.slipway.builds.AppBuilder;
import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.Build;
import dev.slipway.builds.BuildRecording;
import dev.slipway.config.ConfigService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.progress.Progress;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseOptions;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseStatus;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a push to the deploy branch sets going, top to bottom: build the commit, on the first deploy
 * apply its app.json (config vars, add-ons), then release it (the release rolls out), on the first
 * deploy run its postdeploy script, and move the branch. Pushes to an app queue behind each other; a
 * push that has to wait says so.
 */
@Component
class PushPipeline {

	private static final Logger logger = LoggerFactory.getLogger(PushPipeline.class);

	private final AppBuilder builds;

	private final ReleaseService releases;

	private final ConfigService config;

	private final FirstDeploy firstDeploy;

	private final AppLocks locks;

	PushPipeline(AppBuilder builds, ReleaseService releases, ConfigService config, FirstDeploy firstDeploy,
			AppLocks locks) {
		this.builds = builds;
		this.releases = releases;
		this.config = config;
		this.firstDeploy = firstDeploy;
		this.locks = locks;
	}

	/**
	 * Builds the pushed commit after the pushes before it, then releases it and moves the branch while
	 * holding the app's change lock, so the next push sees the branch where this one left it and no config
	 * change falls between the release and its rollout. False when the push is refused (the log says why).
	 */
	boolean deploy(App app, UserPrincipal user, ReceivePack receivePack, ReceiveCommand command, Progress log) {
		return locks.queued(app, log, () -> deployLocked(app, user, receivePack, command, log)).orElse(false);
	}

	private boolean deployLocked(App app, UserPrincipal user, ReceivePack receivePack, ReceiveCommand command,
			Progress log) {
		Repository repository = receivePack.getRepository();
		try {
			if (movedMeanwhile(repository, command)) {
				log.error("The branch moved while this push waited (another push deployed first). "
						+ "Fetch, merge or rebase, and push again.");
				return false;
			}
			GitSourceTree source = new GitSourceTree(repository, command.getNewId());
			boolean first = releases.current(app).isEmpty();
			AppManifest manifest = source.read("app.json").map(AppManifest::parse).orElse(AppManifest.NONE);
			if (first) {
				firstDeploy.checkRequiredConfig(app, manifest);
			}
			// Open until the end of the push: what the release prints belongs to the build's output too.
			try (BuildRecording build = builds.build(app, source, user.email(), new BuildConfig(config.of(app)), log)) {
				if (!build.succeeded()) {
					return false;
				}
				return locks.with(app.id(), () -> released(app, user, manifest, first, build.build(), build.progress())
						&& update(receivePack, command));
			}
		}
		catch (IOException ex) {
			log.error("Reading the pushed commit failed: " + ex.getMessage());
			return false;
		}
		catch (RuntimeException ex) {
			return refused(app, ex, log);
		}
	}

	/** Whether the build was released and rolled out; the reason why not is on {@code log}. */
	private boolean released(App app, UserPrincipal user, AppManifest manifest, boolean first, Build build,
			Progress log) {
		try {
			if (first) {
				firstDeploy.apply(app, manifest, user, log);
			}
			ReleaseOptions options = new ReleaseOptions(manifest.healthCheck(), first ? manifest.formation() : Map.of());
			Release release = releases.deploy(app, build.image(), config.of(app), options, user.email(), log);
			if (release.status() != ReleaseStatus.SUCCEEDED) {
				return false;
			}
			if (first && manifest.postdeploy() != null) {
				firstDeploy.postdeploy(app, manifest.postdeploy(), log);
			}
			return true;
		}
		catch (RuntimeException ex) {
			return refused(app, ex, log);
		}
	}

	/** Ends the push with the reason; left to JGit, anything unforeseen would leave the client hanging. */
	private boolean refused(App app, RuntimeException ex, Progress log) {
		if (ex instanceof BuildFailed || ex instanceof SlipwayException) {
			log.error(ex.getMessage());
		}
		else {
			logger.error("The push to {} failed", app.name(), ex);
			log.error("Slipway failed while deploying: " + ex.getMessage());
			log.error("Slipway's own log has the details.");
		}
		return false;
	}

	private static boolean update(ReceivePack receivePack, ReceiveCommand command) {
		command.execute(receivePack);
		return command.getResult() == ReceiveCommand.Result.OK;
	}

	/** Whether the branch no longer points where the client saw it, so its update would fail after the deploy. */
	private static boolean movedMeanwhile(Repository repository, ReceiveCommand command) throws IOException {
		Ref current = repository.exactRef(command.getRefName());
		ObjectId currentId = current == null ? ObjectId.zeroId() : current.getObjectId();
		return !currentId.equals(command.getOldId());
	}

}
