package dev.slipway.logs;

import java.util.HashMap;
import java.util.Map;

/**
 * How much memory the lines waiting for the store take, in bytes, in total and per app. The buffer
 * has a hard size; an app gets at most a fair share of it, the size divided by the number of apps
 * with lines waiting plus one, so an app that floods its log fills its own share and has its lines
 * dropped while the others keep room.
 */
final class LogBuffer {

	private final long capacity;

	private final Map<Long, Long> perApp = new HashMap<>();

	private long total;

	LogBuffer(long capacity) {
		this.capacity = capacity;
	}

	long capacity() {
		return capacity;
	}

	/** Takes room for {@code bytes} of an app's lines, or returns false when the app's share or the buffer is full. */
	synchronized boolean reserve(long appId, long bytes) {
		long used = perApp.getOrDefault(appId, 0L);
		if (total + bytes > capacity || used + bytes > share(used == 0 ? 1 : 0)) {
			return false;
		}
		perApp.put(appId, used + bytes);
		total += bytes;
		return true;
	}

	/** Gives back the room of lines that were stored (or discarded). */
	synchronized void release(long appId, long bytes) {
		Long used = perApp.get(appId);
		if (used == null) {
			return;
		}
		long left = used - bytes;
		total -= Math.min(used, bytes);
		if (left > 0) {
			perApp.put(appId, left);
		}
		else {
			perApp.remove(appId);
		}
	}

	/** Takes room for a notice of the platform whatever the shares: notices are few and small. */
	synchronized void force(long appId, long bytes) {
		perApp.merge(appId, bytes, Long::sum);
		total += bytes;
	}

	synchronized long used() {
		return total;
	}

	synchronized long used(long appId) {
		return perApp.getOrDefault(appId, 0L);
	}

	/** The fair share of one app: with {@code joining} more apps waiting than now, plus one for an app still to come. */
	private long share(int joining) {
		return capacity / (perApp.size() + joining + 1);
	}

}
