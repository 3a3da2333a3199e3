package dev.slipway.logs;

import java.time.Instant;
import java.util.List;

/**
 * Where the logs come from: what runs the dynos reports each of its log feeds (a dyno's or a
 * one-off's output) and reads a feed's timestamped lines from a point on. The router's lines come
 * from its access log ({@link RouterAccessLog}).
 * The log pipeline (numbering, storing, cursors, live readers) stays the same whatever runs the
 * dynos; Slipway's Docker runtime implements this with one Docker log stream per container.
 */
public interface LogSources {

	/**
	 * Reports every feed there is, running or not (a stopped one may have lines not yet stored), and
	 * each one that starts later, until the returned handle is closed.
	 */
	AutoCloseable watch(Watcher watcher);

	/**
	 * Reads a feed's lines from the start of the given second on, as they come, each with the time
	 * the runtime gave it, until the feed ends or the returned handle is closed. A line is at most
	 * 10,000 bytes: a longer one comes in pieces as it arrives, so a process that never writes a
	 * newline holds no more than that in memory.
	 */
	AutoCloseable read(LogFeed feed, long sinceEpochSecond, Reader reader);

	/** The ids of all feeds there are, so what is kept about removed ones can go. */
	List<String> feedIds();

	/** Told about feeds as they are found and removed. */
	interface Watcher {

		void found(LogFeed feed);

		void removed(String feedId);

	}

	/**
	 * Takes a feed's lines in order, then its end. Taking a line may wait (for room in the log
	 * buffer): reading the feed waits with it, and a stream silent meanwhile is not stalled.
	 */
	interface Reader {

		void line(Instant at, String text);

		/**
		 * The runtime no longer had the lines after {@code lastRead} (the last line read) up to
		 * {@code nextKept} when they were read anew: it let them go (rotated its log) while they were
		 * not read.
		 */
		void missed(Instant lastRead, Instant nextKept);

		/** The feed ended; {@code runsAgain} when its process already runs again and is to be read anew. */
		void ended(boolean runsAgain);

	}

	/** A feed of log lines: a dyno's or a one-off's, with its app and dyno name ({@code web.1}). */
	record LogFeed(String id, long appId, String dyno) {
	}

}
