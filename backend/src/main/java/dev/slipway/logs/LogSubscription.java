package dev.slipway.logs;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live reader of an app's log. Lines that match its filter arrive in its own queue, bounded in lines
 * and in bytes; a reader too slow to keep up is cut off (it reconnects and catches up from the store), so no reader
 * ever holds up ingestion.
 */
public final class LogSubscription implements AutoCloseable {

	static final int CAPACITY = 20_000;

	/** What the waiting lines' text may take: a few seconds of a dyno writing 10,000-byte lines. */
	static final long MAX_BYTES = 8L * 1024 * 1024;

	private final LogFilter filter;

	private final long after;

	private final BlockingQueue<LogLine> lines = new LinkedBlockingQueue<>(CAPACITY);

	private final AtomicLong bytes = new AtomicLong();

	private final Runnable onClose;

	private volatile boolean overflowed;

	private volatile boolean closed;

	LogSubscription(LogFilter filter, long after, Runnable onClose) {
		this.filter = filter;
		this.after = after;
		this.onClose = onClose;
	}

	void offer(LogLine line) {
		if (closed || !filter.matches(line)) {
			return;
		}
		long size = 2L * line.text().length();
		if (bytes.addAndGet(size) > MAX_BYTES || !lines.offer(line)) {
			overflowed = true;
			close();
		}
	}

	/** The next line, or null when none came within the timeout. */
	public LogLine poll(long timeout, TimeUnit unit) throws InterruptedException {
		LogLine line = lines.poll(timeout, unit);
		if (line != null) {
			bytes.addAndGet(-2L * line.text().length());
		}
		return line;
	}

	/** The sequence number it started after: every matching line past it comes to this subscription until it is cut off. */
	long after() {
		return after;
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
