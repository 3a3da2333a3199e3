package dev.slipway.logs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import dev.slipway.apps.AppDeleted;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every app's log: lines from its dynos, the router, builds and the platform get the app's next
 * sequence number, go to live readers at once and to the store in batches. Reading merges the store
 * with what is still on its way, so a reader resuming from a sequence number misses nothing.
 */
@Service
public class AppLogs {

	/** Longer lines are split, so each stored line stays readable. */
	static final int MAX_LINE_BYTES = 10_000;

	/** As long as the store's process column: a dyno name such as {@code web.1}, or {@code build}. */
	static final int MAX_PROCESS_LENGTH = 64;

	private final LogStore store;

	private final LogWriter writer;

	private final Map<Long, AppLog> logs = new ConcurrentHashMap<>();

	AppLogs(LogStore store, LogWriter writer) {
		this.store = store;
		this.writer = writer;
		writer.onDone(this::done);
		writer.onDropped(this::notice);
	}

	/**
	 * A line of the platform, such as {@code slipway[api]: Release v7 created by …}, or of a build's
	 * output. It takes room in the buffer whatever the app's share, so a request never waits for a
	 * flooding dyno: such lines are few, and a build's output is capped.
	 */
	public void platform(long appId, String process, String text) {
		append(appId, LogSource.SLIPWAY, process, Instant.now(), text, null, null, null, forced());
	}

	/**
	 * Appends text read from a container to an app's log, each of its lines (and each 10,000-byte
	 * piece of a longer one) a line of its own. When the app's share of the buffer is full it waits
	 * for room as long as {@code reading} says so. Returns false when the text was not taken (the app
	 * is gone, or the reader stopped waiting): then no later text of the container may be taken.
	 */
	boolean append(long appId, LogSource source, String process, Instant at, String text, String containerId,
			Instant dockerTime, BooleanSupplier reading) {
		return append(appId, source, process, at, text, containerId, dockerTime, null,
				(app, bytes) -> writer.reserve(app, bytes, reading));
	}

	/**
	 * Appends a router line read from the access log, whose position after it moves with it to the
	 * store. It waits for room in the whole buffer only, not in the app's share: the access log is
	 * one stream for every app.
	 */
	boolean appendRouter(long appId, RouterLogLine line, long end, BooleanSupplier reading) {
		return append(appId, LogSource.ROUTER, line.dyno(), line.at(), line.text(), null, null, end,
				(app, bytes) -> writer.reserveShared(app, bytes, reading));
	}

	/** A notice of the platform about the app's log itself, such as lines that could not be stored. */
	void notice(long appId, String text) {
		append(appId, LogSource.SLIPWAY, "logs", Instant.now(), text, null, null, null, forced());
	}

	/**
	 * Takes room for the lines first (waiting, if it must, outside the app's lock, so nothing else of
	 * the app waits with it), then numbers them and hands them to the writer and the live readers in
	 * one step per app, so a reader never sees a line before one with a lower number.
	 */
	private boolean append(long appId, LogSource source, String process, Instant at, String text, String containerId,
			Instant dockerTime, Long routerLogEnd, Room room) {
		if (!writer.accepts(appId)) {
			return false;
		}
		Instant time = at.truncatedTo(ChronoUnit.MICROS);
		String name = LogText.field(process, MAX_PROCESS_LENGTH);
		List<String> pieces = LogText.pieces(text, MAX_LINE_BYTES);
		long bytes = 0;
		for (String piece : pieces) {
			bytes += PendingLine.bytes(name, piece);
		}
		if (!room.take(appId, bytes)) {
			return false;
		}
		AppLog log = log(appId);
		synchronized (log) {
			boolean first = true;
			for (String piece : pieces) {
				LogLine line = new LogLine(log.seq + 1, time, source, name, piece);
				// The container's cursor counts lines as Docker gave them, so only the first piece moves it.
				PendingLine pending = new PendingLine(appId, line, containerId, first ? dockerTime : null, routerLogEnd);
				// On its way before the writer has it: stored at once, it would be let go of before it came here, and stay.
				log.unwritten.put(line.seq(), line);
				writer.enqueue(pending);
				log.seq++;
				log.readers.forEach(reader -> reader.offer(line));
				first = false;
			}
		}
		return true;
	}

	private Room forced() {
		return (app, bytes) -> {
			writer.force(app, bytes);
			return true;
		};
	}

	/** The last {@code limit} matching lines, oldest first. */
	public List<LogLine> recent(long appId, LogFilter filter, int limit) {
		List<LogLine> pending = pendingLast(appId, filter, limit);
		List<LogLine> lines = merge(store.recent(appId, filter, limit), pending);
		return lines.size() > limit ? lines.subList(lines.size() - limit, lines.size()) : lines;
	}

	/** Matching lines after sequence number {@code seq}, oldest first, at most {@code limit}. */
	public List<LogLine> after(long appId, LogFilter filter, long seq, int limit) {
		List<LogLine> pending = pending(appId, filter, seq, limit);
		List<LogLine> lines = merge(store.after(appId, filter, seq, limit), pending);
		return lines.size() > limit ? lines.subList(0, limit) : lines;
	}

	/**
	 * Follows the log live: after sequence number {@code after} when resuming, else starting with the
	 * last {@code tail} matching lines.
	 */
	public LogFollower follow(long appId, LogFilter filter, Long after, int tail) {
		if (after != null) {
			return new LogFollower(this, appId, filter, after, List.of());
		}
		long current = current(appId);
		List<LogLine> initial = tail > 0 ? recent(appId, filter, tail) : List.of();
		long from = initial.isEmpty() ? current : initial.get(0).seq() - 1;
		return new LogFollower(this, appId, filter, from, initial);
	}

	/** Starts receiving new matching lines; subscribe before reading the backlog, then skip what it had. */
	public LogSubscription subscribe(long appId, LogFilter filter) {
		AppLog log = log(appId);
		LogSubscription[] created = new LogSubscription[1];
		// Under the log's lock, so the subscription knows exactly from which line on it gets every one.
		synchronized (log) {
			created[0] = new LogSubscription(filter, log.seq, () -> log.readers.remove(created[0]));
			log.readers.add(created[0]);
		}
		return created[0];
	}

	/** The sequence number of the oldest line still kept (stored or on its way), or the next one when none is. */
	long oldest(long appId) {
		AppLog log = log(appId);
		long stored = store.minSeq(appId);
		if (stored > 0) {
			return stored;
		}
		synchronized (log) {
			Map.Entry<Long, LogLine> first = log.unwritten.firstEntry();
			return first == null ? log.seq + 1 : first.getKey();
		}
	}

	/**
	 * Once the deletion has committed, so the log stays followable if it rolls back: lines still on
	 * their way are discarded, and so are any that come later.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void appDeleted(AppDeleted event) {
		writer.discard(event.appId());
		AppLog log = logs.remove(event.appId());
		if (log != null) {
			log.readers.forEach(LogSubscription::close);
		}
	}

	private long current(long appId) {
		AppLog log = log(appId);
		synchronized (log) {
			return log.seq;
		}
	}

	private AppLog log(long appId) {
		return logs.computeIfAbsent(appId, id -> new AppLog(store.maxSeq(id)));
	}

	/**
	 * Read before the store: the writer stores a line before it drops it from here, so a line written
	 * in between is in one of the two; read after, it could be in neither.
	 */
	private List<LogLine> pending(long appId, LogFilter filter, long after, int limit) {
		AppLog log = logs.get(appId);
		if (log == null) {
			return List.of();
		}
		return log.unwritten.tailMap(after, false).values().stream().filter(filter::matches).limit(limit).toList();
	}

	/** The last {@code limit} matching lines on their way, oldest first; read before the store as {@link #pending}. */
	private List<LogLine> pendingLast(long appId, LogFilter filter, int limit) {
		AppLog log = logs.get(appId);
		if (log == null) {
			return List.of();
		}
		return log.unwritten.descendingMap().values().stream().filter(filter::matches).limit(limit).toList().reversed();
	}

	private void done(List<PendingLine> lines) {
		for (PendingLine line : lines) {
			AppLog log = logs.get(line.appId());
			if (log != null) {
				log.unwritten.remove(line.line().seq());
			}
		}
	}

	private static List<LogLine> merge(List<LogLine> stored, List<LogLine> pending) {
		if (pending.isEmpty()) {
			return stored;
		}
		TreeMap<Long, LogLine> merged = new TreeMap<>();
		stored.forEach(line -> merged.put(line.seq(), line));
		pending.forEach(line -> merged.put(line.seq(), line));
		return new ArrayList<>(merged.values());
	}

	/** How lines take their room in the buffer: true once taken, false when they are not to be taken. */
	private interface Room {

		boolean take(long appId, long bytes);

	}

	/** One app's log in this run: its last sequence number (guarded by the object), lines on their way, live readers. */
	private static final class AppLog {

		private long seq;

		private final NavigableMap<Long, LogLine> unwritten = new ConcurrentSkipListMap<>();

		private final List<LogSubscription> readers = new CopyOnWriteArrayList<>();

		AppLog(long seq) {
			this.seq = seq;
		}

	}

}
