package dev.slipway.logs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live reader of an app's log. Lines that match its filter arrive in its own bounded queue; a
 * reader too slow to keep up is cut off (it reconnects and catches up from the store), so no reader
 * ever holds up ingestion.
 */
public final class LogSubscription implements AutoCloseable {

	static final int CAPACITY = 20_000;

	private final LogFilter filter;

	private final BlockingQueue<LogLine> lines = new ArrayBlockingQueue<>(CAPACITY);

	private final Runnable onClose;

	private volatile boolean overflowed;

	private volatile boolean closed;

	LogSubscription(LogFilter filter, Runnable onClose) {
		this.filter = filter;
		this.onClose = onClose;
	}

	void offer(LogLine line) {
		if (!closed && filter.matches(line) && !lines.offer(line)) {
			overflowed = true;
			close();
		}
	}

	/** The next line, or null when none came within the timeout. */
	public LogLine poll(long timeout, TimeUnit unit) throws InterruptedException {
		return lines.poll(timeout, unit);
	}

	/** Whether the reader fell so far behind that it was cut off and must reconnect. */
	public boolean overflowed() {
		return overflowed;
	}

	@Override
	public void close() {
		if (!closed) {
			closed = true;
			onClose.run();
		}
	}

}
