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
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import org.springframework.stereotype.Component;

/**
 * What a push to the deploy branch sets going: build the commit, then release and deploy it. One
 * push per app at a time; the next waits, and says so.
 */
@Component
class PushPipeline {

	private final BuildService builds;

	private final GitSettings settings;

	private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

	PushPipeline(BuildService builds, GitSettings settings) {
		this.builds = builds;
		this.settings = settings;
	}

	/** Deploys the pushed commit; false when the push must be refused (the log says why). */
	boolean deploy(App app, UserPrincipal user, Repository repository, ObjectId commit, BuildLog log) {
		ReentrantLock lock = locks.computeIfAbsent(app.id(), id -> new ReentrantLock());
		if (!acquire(lock, app, log)) {
			return false;
		}
		try {
			BuildResult result = builds.build(app, new GitSourceTree(repository, commit), user.email(), null, log);
			return result.succeeded();
		}
		catch (IOException ex) {
			log.error("Reading the pushed commit failed: " + ex.getMessage());
			return false;
		}
		finally {
			lock.unlock();
		}
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
