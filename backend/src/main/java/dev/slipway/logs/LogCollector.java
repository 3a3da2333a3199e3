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
 * repeats a line.
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
				@Override
				public void line(Instant at, String text) {
					if (skip.skips(at, text)) {
						return;
					}
					read.put(feed.id(), skip.position());
					logs.append(feed.appId(), LogSource.APP, feed.dyno(), at, text, feed.id(), at);
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
