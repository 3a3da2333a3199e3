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
import java.util.concurrent.atomic.AtomicLong;

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

	private final LogStore store;

	private final LogWriter writer;

	private final Map<Long, AtomicLong> sequences = new ConcurrentHashMap<>();

	private final Map<Long, NavigableMap<Long, LogLine>> unwritten = new ConcurrentHashMap<>();

	private final Map<Long, List<LogSubscription>> subscribers = new ConcurrentHashMap<>();

	AppLogs(LogStore store, LogWriter writer) {
		this.store = store;
		this.writer = writer;
		writer.onWritten(this::written);
		writer.onDropped((appId, count) -> platform(appId, "logs", count + " log lines were dropped: the log store fell "
				+ "behind and its buffer of " + writer.capacity() + " lines was full."));
	}

	/** A line of the platform, such as {@code slipway[api]: Release v7 created by …}. */
	public void platform(long appId, String process, String text) {
		append(appId, LogSource.SLIPWAY, process, Instant.now(), text, null, null);
	}

	/**
	 * Appends text to an app's log, each of its lines (and each 10,000-byte piece of a longer one) a
	 * line of its own. Returns false when the buffer is full and the text was dropped.
	 */
	boolean append(long appId, LogSource source, String process, Instant at, String text, String containerId,
			Instant dockerTime) {
		if (!writer.hasRoom()) {
			writer.dropped(appId, 1);
			return false;
		}
		Instant time = at.truncatedTo(ChronoUnit.MICROS);
		boolean first = true;
		for (String piece : LogText.pieces(text, MAX_LINE_BYTES)) {
			long seq = sequence(appId).incrementAndGet();
			LogLine line = new LogLine(seq, time, source, process, piece);
			unwritten.computeIfAbsent(appId, id -> new ConcurrentSkipListMap<>()).put(seq, line);
			// The container's cursor counts lines as Docker gave them, so only the first piece moves it.
			writer.enqueue(new PendingLine(appId, line, containerId, first ? dockerTime : null));
			first = false;
			List<LogSubscription> readers = subscribers.get(appId);
			if (readers != null) {
				readers.forEach(reader -> reader.offer(line));
			}
		}
		return true;
	}

	/** The last {@code limit} matching lines, oldest first. */
	public List<LogLine> recent(long appId, LogFilter filter, int limit) {
		List<LogLine> pending = pending(appId, filter, 0);
		List<LogLine> lines = merge(store.recent(appId, filter, limit), pending);
		return lines.size() > limit ? lines.subList(lines.size() - limit, lines.size()) : lines;
	}

	/** Matching lines after sequence number {@code seq}, oldest first, at most {@code limit}. */
	public List<LogLine> after(long appId, LogFilter filter, long seq, int limit) {
		List<LogLine> pending = pending(appId, filter, seq);
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
		long current = sequence(appId).get();
		List<LogLine> initial = tail > 0 ? recent(appId, filter, tail) : List.of();
		long from = initial.isEmpty() ? current : initial.get(0).seq() - 1;
		return new LogFollower(this, appId, filter, from, initial);
	}

	/** Starts receiving new matching lines; subscribe before reading the backlog, then skip what it had. */
	public LogSubscription subscribe(long appId, LogFilter filter) {
		List<LogSubscription> readers = subscribers.computeIfAbsent(appId, id -> new CopyOnWriteArrayList<>());
		LogSubscription[] created = new LogSubscription[1];
		created[0] = new LogSubscription(filter, () -> readers.remove(created[0]));
		readers.add(created[0]);
		return created[0];
	}

	/** Once the deletion has committed, so the log stays followable if it rolls back. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void appDeleted(AppDeleted event) {
		sequences.remove(event.appId());
		unwritten.remove(event.appId());
		List<LogSubscription> readers = subscribers.remove(event.appId());
		if (readers != null) {
			readers.forEach(LogSubscription::close);
		}
	}

	private AtomicLong sequence(long appId) {
		return sequences.computeIfAbsent(appId, id -> new AtomicLong(store.maxSeq(id)));
	}

	/**
	 * Read before the store: the writer stores a line before it drops it from here, so a line written
	 * in between is in one of the two; read after, it could be in neither.
	 */
	private List<LogLine> pending(long appId, LogFilter filter, long after) {
		NavigableMap<Long, LogLine> lines = unwritten.get(appId);
		if (lines == null) {
			return List.of();
		}
		return lines.tailMap(after, false).values().stream().filter(filter::matches).toList();
	}

	private void written(List<PendingLine> lines) {
		for (PendingLine line : lines) {
			NavigableMap<Long, LogLine> pending = unwritten.get(line.appId());
			if (pending != null) {
				pending.remove(line.line().seq());
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

}
