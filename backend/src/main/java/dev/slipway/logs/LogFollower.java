package dev.slipway.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Follows an app's log from a sequence number on, every line once and in order: it subscribes
 * before it reads what is stored, then catches up from the store page by page until it meets the
 * subscription (it has read every line up to the one the subscription started after), and from
 * there on takes the subscription's lines. A follower too slow for its subscription is cut off; it
 * subscribes again and catches up from the store the same way, so a slow reader is late, never
 * short. Only lines the store no longer keeps (its retention removed them before the reader got to
 * them) are missed, and then a notice in their place says so.
 */
public final class LogFollower implements AutoCloseable {

	/** The most lines one call gives: a page of the store, or what the subscription holds. */
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

	/** The next lines in order (a page at most), waiting up to {@code timeoutMillis} for one; empty when none came. */
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
			if (!page.isEmpty() && page.get(0).seq() > last + 1) {
				noticeRemoved(page.get(0).seq(), lines);
			}
			take(page, lines);
			// Caught up once it meets the subscription; a short page read all there was after subscribing, so it met it too.
			catchingUp = page.size() >= PAGE && last < subscription.after();
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

	/**
	 * A page that starts past the next line may only have skipped lines that do not match the filter;
	 * when the store's oldest line is past the next one too, the retention removed what this reader
	 * had not read yet.
	 */
	private void noticeRemoved(long firstFound, List<LogLine> lines) {
		long oldest = logs.oldest(appId);
		if (oldest > last + 1) {
			long removedUpTo = Math.min(oldest, firstFound) - 1;
			lines.add(new LogLine(removedUpTo, Instant.now(), LogSource.SLIPWAY, "logs",
					"Lines " + (last + 1) + " to " + removedUpTo + " of this log were removed by its retention before "
							+ "this reader got to them: it fell further behind than the log keeps lines "
							+ "(slipway.logs.retained-lines, slipway.logs.retention). It goes on with the oldest line kept."));
			last = removedUpTo;
		}
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
