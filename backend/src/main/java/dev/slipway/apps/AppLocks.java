package dev.slipway.apps;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One piece of work per app at a time, among the work that shares this instance: each owner (the
 * runtime's rollouts and scaling, releases, config changes) keeps its own.
 */
public final class AppLocks {

	private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

	public <T> T with(long appId, Supplier<T> work) {
		ReentrantLock lock = locks.computeIfAbsent(appId, id -> new ReentrantLock());
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

}
