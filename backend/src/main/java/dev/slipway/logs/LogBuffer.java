package dev.slipway.logs;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * How much memory the lines waiting for the store take, in bytes, in total and per app. The buffer
 * has a hard size; an app gets at most a fair share of it, the size divided by the number of apps
 * with lines waiting plus one. A reader of an app whose share is full waits until the writer has
 * stored some of its lines (and stops reading its source meanwhile, which keeps the lines there),
 * while the other apps keep their room. Nothing is dropped for want of room.
 */
final class LogBuffer {

	/** How often a waiting reader checks whether it still wants the room (Slipway stops, its app is deleted). */
	private static final long CHECK_MILLIS = 100;

	private final long capacity;

	private final Map<Long, Long> perApp = new HashMap<>();

	private long total;

	/** Readers waiting for room in {@link #reserve} or {@link #reserveShared} (seen only while they wait). */
	private int waiters;

	LogBuffer(long capacity) {
		this.capacity = capacity;
	}

	long capacity() {
		return capacity;
	}

	/**
	 * Takes room for {@code bytes} of an app's lines within its share, waiting for it as long as
	 * {@code waiting} says so; false when it gave up (or the thread was interrupted) without the room.
	 */
	synchronized boolean reserve(long appId, long bytes, BooleanSupplier waiting) {
		return await(() -> fitsShare(appId, bytes) && fitsBuffer(bytes), appId, bytes, waiting);
	}

	/**
	 * Takes room for {@code bytes} of an app's lines whatever the app's share, waiting only for room
	 * in the whole buffer: for the router's access log, one stream of every app's lines, which must
	 * not wait for one app.
	 */
	synchronized boolean reserveShared(long appId, long bytes, BooleanSupplier waiting) {
		return await(() -> fitsBuffer(bytes), appId, bytes, waiting);
	}

	/** Takes room whatever the shares and the size: for the platform's own lines, which are few or capped. */
	synchronized void force(long appId, long bytes) {
		take(appId, bytes);
	}

	/** Gives back the room of lines that were stored (or discarded), and wakes the readers waiting for it. */
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
		notifyAll();
	}

	synchronized long used() {
		return total;
	}

	synchronized long used(long appId) {
		return perApp.getOrDefault(appId, 0L);
	}

	/** Whether a reader waits for room now. */
	synchronized boolean waited() {
		return waiters > 0;
	}

	private boolean await(BooleanSupplier fits, long appId, long bytes, BooleanSupplier waiting) {
		waiters++;
		try {
			while (!fits.getAsBoolean()) {
				if (!waiting.getAsBoolean()) {
					return false;
				}
				try {
					wait(CHECK_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		finally {
			waiters--;
		}
		take(appId, bytes);
		return true;
	}

	/**
	 * Within the app's fair share: the size divided by the apps with lines waiting plus one, for an
	 * app still to come. An app with nothing waiting always gets in, so a line larger than the share does too.
	 */
	private boolean fitsShare(long appId, long bytes) {
		long used = perApp.getOrDefault(appId, 0L);
		return used == 0 || used + bytes <= capacity / (perApp.size() + 1);
	}

	/** Within the size; an empty buffer takes anything, so a line larger than the buffer does not wait forever. */
	private boolean fitsBuffer(long bytes) {
		return total == 0 || total + bytes <= capacity;
	}

	private void take(long appId, long bytes) {
		perApp.merge(appId, bytes, Long::sum);
		total += bytes;
	}

}
