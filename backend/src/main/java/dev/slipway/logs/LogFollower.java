package dev.slipway.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Follows an app's log from a sequence number on, without gaps or repeats: it subscribes before it
 * reads what is stored, skips what it has given out, and when it falls behind (its subscription cut
 * off) it catches up from the store and subscribes again.
 */
public final class LogFollower implements AutoCloseable {

	static final int PAGE = 5_000;

	private final AppLogs logs;

	private final long appId;

	private final LogFilter filter;

	private long last;

	private LogSubscription subscription;

	private List<LogLine> backlog = new ArrayList<>();

	LogFollower(AppLogs logs, long appId, LogFilter filter, long after, List<LogLine> initial) {
		this.logs = logs;
		this.appId = appId;
		this.filter = filter;
		this.last = after;
		this.backlog.addAll(initial);
	}

	/** The next lines in order, waiting up to {@code timeoutMillis} for one; empty when none came. */
	public List<LogLine> next(long timeoutMillis) throws InterruptedException {
		List<LogLine> lines = new ArrayList<>();
		if (!backlog.isEmpty()) {
			take(backlog, lines);
			backlog = new ArrayList<>();
			return lines;
		}
		if (subscription == null || subscription.overflowed()) {
			resubscribe(lines);
			if (!lines.isEmpty()) {
				return lines;
			}
		}
		LogLine line = subscription.poll(timeoutMillis, TimeUnit.MILLISECONDS);
		while (line != null) {
			if (line.seq() > last) {
				lines.add(line);
				last = line.seq();
			}
			if (lines.size() >= PAGE) {
				break;
			}
			line = subscription.poll(0, TimeUnit.MILLISECONDS);
		}
		return lines;
	}

	private void resubscribe(List<LogLine> lines) {
		if (subscription != null) {
			subscription.close();
		}
		subscription = logs.subscribe(appId, filter);
		take(logs.after(appId, filter, last, PAGE), lines);
	}

	private void take(List<LogLine> candidates, List<LogLine> lines) {
		for (LogLine line : candidates) {
			if (line.seq() > last) {
				lines.add(line);
				last = line.seq();
			}
		}
	}

	@Override
	public void close() {
		if (subscription != null) {
			subscription.close();
		}
	}

}
