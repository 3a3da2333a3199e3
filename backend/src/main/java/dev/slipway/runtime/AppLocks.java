package dev.slipway.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/** One change to an app's dynos at a time: rollouts, scaling and restarts of one app never overlap. */
@Component
class AppLocks {

	private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

	<T> T with(long appId, Supplier<T> work) {
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
