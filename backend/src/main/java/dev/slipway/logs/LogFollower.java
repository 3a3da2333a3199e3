package dev.slipway.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Follows an app's log from a sequence number on, without gaps or repeats: it subscribes before it
 * reads what is stored, skips what it has given out, and when it falls behind (its subscription cut
 * off) it subscribes again and catches up from the store, page by page, until a page ends short of
 * a full one: then every later line is in the new subscription.
 */
public final class LogFollower implements AutoCloseable {

	static final int PAGE = 5_000;

	private final AppLogs logs;

	private final long appId;

	private final LogFilter filter;

	private long last;

	private LogSubscription subscription;

	private boolean catchingUp;

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
			if (subscription != null) {
				subscription.close();
			}
			subscription = logs.subscribe(appId, filter);
			catchingUp = true;
		}
		if (catchingUp) {
			List<LogLine> page = logs.after(appId, filter, last, PAGE);
			// A full page may have more behind it in the store; a short one reached what the subscription has.
			catchingUp = page.size() >= PAGE;
			take(page, lines);
			if (!lines.isEmpty() || catchingUp) {
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
