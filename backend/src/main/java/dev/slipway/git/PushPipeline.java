package dev.slipway.git;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.slipway.apps.App;
import dev.slipway.build.BuildLog;
import dev.slipway.build.BuildResult;
import dev.slipway.build.BuildService;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseStatus;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

import org.springframework.stereotype.Component;

/**
 * What a push to the deploy branch sets going: build the commit, then release and deploy it. One
 * push per app at a time; the next waits, and says so.
 */
@Component
class PushPipeline {

	private final BuildService builds;

	private final ReleaseService releases;

	private final GitSettings settings;

	private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

	PushPipeline(BuildService builds, ReleaseService releases, GitSettings settings) {
		this.builds = builds;
		this.releases = releases;
		this.settings = settings;
	}

	/**
	 * Deploys the pushed commit and moves the branch to it, both while holding the app's lock, so the
	 * next push sees the branch where this one left it. False when the push is refused (the log says why).
	 */
	boolean deploy(App app, UserPrincipal user, ReceivePack receivePack, ReceiveCommand command, BuildLog log) {
		Repository repository = receivePack.getRepository();
		ReentrantLock lock = locks.computeIfAbsent(app.id(), id -> new ReentrantLock());
		if (!acquire(lock, app, log)) {
			return false;
		}
		try {
			if (movedMeanwhile(repository, command)) {
				log.error("The branch moved while this push waited (another push deployed first). "
						+ "Fetch, merge or rebase, and push again.");
				return false;
			}
			BuildResult result = builds.build(app, new GitSourceTree(repository, command.getNewId()), user.email(),
					null, log);
			if (!result.succeeded()) {
				return false;
			}
			Map<String, String> config = releases.current(app).map(Release::config).orElse(Map.of());
			Release release = releases.deploy(app, result.build(), config, user.email(), log);
			if (release.status() != ReleaseStatus.SUCCEEDED) {
				return false;
			}
			command.execute(receivePack);
			return command.getResult() == ReceiveCommand.Result.OK;
		}
		catch (IOException ex) {
			log.error("Reading the pushed commit failed: " + ex.getMessage());
			return false;
		}
		finally {
			lock.unlock();
		}
	}

	/** Whether the branch no longer points where the client saw it, so its update would fail after the deploy. */
	private static boolean movedMeanwhile(Repository repository, ReceiveCommand command) throws IOException {
		Ref current = repository.exactRef(command.getRefName());
		ObjectId currentId = current == null ? ObjectId.zeroId() : current.getObjectId();
		return !currentId.equals(command.getOldId());
	}

	private boolean acquire(ReentrantLock lock, App app, BuildLog log) {
		if (lock.tryLock()) {
			return true;
		}
		Duration timeout = settings.queueTimeout();
		log.step("Another push to " + app.name() + " is deploying; waiting for it to finish (up to "
				+ timeout.toMinutes() + " min)");
		try {
			if (lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.error("The other push to " + app.name() + " is still deploying after " + timeout.toMinutes()
				+ " min; push again once it has finished.");
		return false;
	}

}
