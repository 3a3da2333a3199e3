package dev.slipway.apps;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dev.slipway.errors.SlipwayException;
import dev.slipway.progress.Progress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One change to an app at a time: releases, rollouts, config changes, scaling, restarts, add-ons,
 * rollbacks and deletion queue behind each other, for up to {@code slipway.git.queue-timeout}. Pushes
 * also queue behind each other from start to end, but take the change lock only for what they change
 * (app.json, the release, the rollout): a config change or a scale made while a push builds goes ahead,
 * as on Heroku, and the push's release then takes the config as it is. Locks are re-entrant, and always
 * taken in one order (push, then change), so nested work cannot deadlock.
 */
@Component
public class AppLocks {

	private final Map<Long, Locks> locks = new ConcurrentHashMap<>();

	private final Duration timeout;

	public AppLocks(@Value("${slipway.git.queue-timeout:10m}") Duration timeout) {
		this.timeout = timeout;
	}

	/** Runs {@code work} holding the app's change lock; refused when another change still holds it after the timeout. */
	public <T> T with(long appId, Supplier<T> work) {
		Locks app = locks(appId);
		return holding(app, app.change, work);
	}

	/** Runs {@code work} once no push and no other change is under way: for what ends the app, such as its deletion. */
	public <T> T exclusive(long appId, Supplier<T> work) {
		Locks app = locks(appId);
		return holding(app, app.push, () -> holding(app, app.change, work));
	}

	/**
	 * Marks a deleted app, holding its locks: what waited for them is refused once it gets them, so
	 * no rollout, scale or push that queued behind the deletion starts dynos of an app that is gone.
	 */
	void deleted(long appId) {
		locks(appId).deleted.set(true);
	}

	/**
	 * Runs a push's {@code work} after the pushes before it. When another push is under way, says so on
	 * {@code progress} and waits; empty, having said why, when it is still under way after the timeout.
	 * What the push changes goes through {@link #with}.
	 */
	public <T> Optional<T> queued(App app, Progress progress, Supplier<T> work) {
		Locks locks = locks(app.id());
		ReentrantLock push = locks.push;
		if (!push.tryLock()) {
			progress.step("Another push to " + app.name() + " is deploying; waiting for it to finish (up to "
					+ timeout.toMinutes() + " min)");
			if (!acquire(push)) {
				progress.error("The other push to " + app.name() + " is still deploying after " + timeout.toMinutes()
						+ " min; push again once it has finished.");
				return Optional.empty();
			}
		}
		try {
			if (locks.deleted.get()) {
				progress.error(app.name() + " was deleted while this push waited.");
				return Optional.empty();
			}
			return Optional.ofNullable(work.get());
		}
		finally {
			push.unlock();
		}
	}

	private <T> T holding(Locks app, ReentrantLock lock, Supplier<T> work) {
		if (!acquire(lock)) {
			throw SlipwayException.conflict("app_busy", "Another change to this app is still under way after "
					+ timeout.toMinutes() + " min; try again once it has finished.");
		}
		try {
			if (app.deleted.get()) {
				throw SlipwayException.notFound("app_not_found", "The app was deleted while this change waited.");
			}
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	private Locks locks(long appId) {
		return locks.computeIfAbsent(appId, id -> new Locks());
	}

	private boolean acquire(ReentrantLock lock) {
		try {
			return lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** An app's push queue and its change lock, and whether it was deleted. */
	private record Locks(ReentrantLock push, ReentrantLock change, AtomicBoolean deleted) {

		Locks() {
			this(new ReentrantLock(), new ReentrantLock(), new AtomicBoolean());
		}

	}

}
