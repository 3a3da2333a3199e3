package dev.slipway.apps;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dev.slipway.errors.SlipwayException;
import dev.slipway.progress.Progress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One change to an app at a time: pushes, config changes, scaling, restarts, add-ons, rollbacks and
 * deletion of an app queue behind each other, for up to {@code slipway.git.queue-timeout}. One lock
 * per app, re-entrant: a push holds it while it applies app.json, releases and rolls out, which take it
 * again on the same thread, and with a single lock nested work cannot take two in opposite orders.
 */
@Component
public class AppLocks {

	private final Map<Long, AppLock> locks = new ConcurrentHashMap<>();

	private final Duration timeout;

	AppLocks(@Value("${slipway.git.queue-timeout:10m}") Duration timeout) {
		this.timeout = timeout;
	}

	/** Runs {@code work} holding the app's lock; refused when another change still holds it after the timeout. */
	public <T> T with(long appId, Supplier<T> work) {
		AppLock lock = lock(appId);
		if (!acquire(lock)) {
			throw SlipwayException.conflict("app_busy", "Another change to this app is still under way after "
					+ timeout.toMinutes() + " min; try again once it has finished.");
		}
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs a push's {@code work} holding the app's lock. When another push or change holds it, says so
	 * on {@code progress} and waits; empty, having said why, when it still holds it after the timeout.
	 */
	public <T> Optional<T> queued(App app, Progress progress, Supplier<T> work) {
		AppLock lock = lock(app.id());
		if (!lock.tryLock()) {
			String other = lock.pushing ? "Another push to " + app.name() + " is deploying"
					: "Another change to " + app.name() + " is under way";
			progress.step(other + "; waiting for it to finish (up to " + timeout.toMinutes() + " min)");
			if (!acquire(lock)) {
				progress.error((lock.pushing ? "The other push to " + app.name() + " is still deploying"
						: "The other change to " + app.name() + " is still under way") + " after "
						+ timeout.toMinutes() + " min; push again once it has finished.");
				return Optional.empty();
			}
		}
		boolean outermost = lock.getHoldCount() == 1;
		if (outermost) {
			lock.pushing = true;
		}
		try {
			return Optional.ofNullable(work.get());
		}
		finally {
			if (outermost) {
				lock.pushing = false;
			}
			lock.unlock();
		}
	}

	private AppLock lock(long appId) {
		return locks.computeIfAbsent(appId, id -> new AppLock());
	}

	private boolean acquire(AppLock lock) {
		try {
			return lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Whether a push holds it, for the message of the one that waits. */
	private static final class AppLock extends ReentrantLock {

		private volatile boolean pushing;

	}

}
