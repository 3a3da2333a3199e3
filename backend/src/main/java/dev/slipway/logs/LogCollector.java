package dev.slipway.logs;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads every log feed of the runtime ({@link LogSources}): dynos, one-off and release containers.
 * Each feed is read from where the store left off for it, so a restart of Slipway neither loses nor
 * repeats a line. A feed whose app has its share of the log buffer full waits (and so stops reading
 * it, which leaves the lines with the runtime) until the writer made room; lines the runtime let go
 * of meanwhile are reported in the app's log.
 */
@Component
class LogCollector implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LogCollector.class);

	private final LogSources sources;

	private final AppLogs logs;

	private final LogWriter writer;

	/** Feeds being read or about to be: one reader per feed at a time. */
	private final Set<String> following = ConcurrentHashMap.newKeySet();

	private final Map<String, AutoCloseable> readers = new ConcurrentHashMap<>();

	/** How far each feed was read in this run, ahead of what the store has committed. */
	private final Map<String, ContainerCursor> read = new ConcurrentHashMap<>();

	private AutoCloseable watch;

	private volatile boolean running;

	LogCollector(LogSources sources, AppLogs logs, LogWriter writer) {
		this.sources = sources;
		this.logs = logs;
		this.writer = writer;
	}

	@Override
	public void start() {
		running = true;
		watch = sources.watch(new LogSources.Watcher() {
			@Override
			public void found(LogSources.LogFeed feed) {
				follow(feed);
			}

			@Override
			public void removed(String feedId) {
				read.remove(feedId);
			}
		});
	}

	@Override
	public void stop() {
		running = false;
		close(watch);
		readers.values().forEach(LogCollector::close);
		readers.clear();
		following.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void follow(LogSources.LogFeed feed) {
		// A second start waits for the first reader to end (see ended).
		if (!running || !following.add(feed.id())) {
			return;
		}
		ContainerCursor cursor = read.getOrDefault(feed.id(), writer.cursor(feed.id()));
		Skip skip = new Skip(cursor);
		try {
			readers.put(feed.id(), sources.read(feed, cursor.lastAt().getEpochSecond(), new LogSources.Reader() {

				/** Set once a line was not taken: no later one may be, or the cursor would move past it. */
				private boolean stopped;

				private boolean first = true;

				@Override
				public void line(Instant at, String text) {
					if (stopped) {
						return;
					}
					// The line stored last comes first again (Docker resumes from its second) unless Docker let it go.
					if (first && !cursor.equals(ContainerCursor.START) && at.isAfter(cursor.lastAt())) {
						missed(cursor.lastAt(), at);
					}
					first = false;
					if (skip.skips(at, text)) {
						return;
					}
					if (logs.append(feed.appId(), LogSource.APP, feed.dyno(), at, text, feed.id(), at, () -> running)) {
						read.put(feed.id(), skip.position());
					}
					else {
						stopped = true;
					}
				}

				@Override
				public void missed(Instant lastRead, Instant nextKept) {
					log.warn("The log of {} ({}) lost lines between {} and {}: Docker no longer had them", feed.dyno(),
							feed.id(), lastRead, nextKept);
					logs.notice(feed.appId(), "Log lines of " + feed.dyno() + " written after " + lastRead + " and before "
							+ nextKept + " may be missing: Docker keeps only the newest part of a process's output, "
							+ "and " + feed.dyno() + " wrote more than that before Slipway could store it.");
				}

				@Override
				public void ended(boolean runsAgain) {
					readers.remove(feed.id());
					following.remove(feed.id());
					if (runsAgain) {
						follow(feed);
					}
				}
			}));
		}
		catch (RuntimeException ex) {
			following.remove(feed.id());
			log.debug("Cannot read the log of {}: {}", feed.id(), ex.getMessage());
		}
	}

	private static void close(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			log.debug("Closing a log feed failed: {}", ex.getMessage());
		}
	}

	/**
	 * Docker resumes a log from a whole second, and may send a line again when it rotates a log
	 * file, so a line is taken only past the position: after its time; at its time, once the lines
	 * stored with that time are skipped and when it is not one already taken at that time.
	 */
	private static final class Skip {

		private ContainerCursor position;

		private int toSkipAtStart;

		private final Set<String> takenAtPosition = new HashSet<>();

		Skip(ContainerCursor start) {
			this.position = start;
			this.toSkipAtStart = start.linesAtLast();
		}

		boolean skips(Instant time, String text) {
			if (time.isBefore(position.lastAt())) {
				return true;
			}
			if (time.equals(position.lastAt())) {
				if (toSkipAtStart > 0) {
					toSkipAtStart--;
					return true;
				}
				if (!takenAtPosition.add(text)) {
					return true;
				}
			}
			else {
				toSkipAtStart = 0;
				takenAtPosition.clear();
				takenAtPosition.add(text);
			}
			position = position.advance(time);
			return false;
		}

		ContainerCursor position() {
			return position;
		}

	}

}
