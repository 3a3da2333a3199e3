package dev.slipway.builds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.slipway.progress.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps builds' output in PostgreSQL and hands it out a page at a time. Lines are buffered and written
 * in batches a few times a second, so a chatty build costs few statements; readers page through the
 * table by line number and, while the build runs, the lines not yet written. A line that cannot be
 * stored is dropped (and logged), never retried, so one bad write cannot hold up the rest. Only the
 * output of each app's newest builds is kept.
 */
@Component
class BuildOutputStore {

	private static final Logger log = LoggerFactory.getLogger(BuildOutputStore.class);

	private static final String INSERT = "insert into build_output (build_id, line_no, line) values (?, ?, ?) "
			+ "on conflict do nothing";

	private final JdbcTemplate jdbc;

	private final BuildOutputSettings settings;

	private final Map<Long, Recorder> open = new ConcurrentHashMap<>();

	BuildOutputStore(JdbcTemplate jdbc, BuildOutputSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Starts recording a build's output; close the recorder when the build ends. */
	Recorder record(long buildId) {
		Recorder recorder = new Recorder(buildId);
		open.put(buildId, recorder);
		return recorder;
	}

	/** Where a build's output enters: cleaned and capped on its way to {@code target}. */
	Progress capped(Progress target) {
		return new BuildOutputCap(target, settings.maxSize().toBytes(), settings.maxLines());
	}

	/** At most {@code limit} lines numbered above {@code after}. */
	OutputPage page(long buildId, int after, int limit) {
		Recorder recorder = open.get(buildId);
		if (recorder == null) {
			List<OutputLine> lines = written(buildId, after, Integer.MAX_VALUE, limit + 1);
			boolean ended = lines.size() <= limit;
			return new OutputPage(ended ? lines : lines.subList(0, limit), ended);
		}
		Recorder.Snapshot snapshot = recorder.snapshot(after, limit);
		List<OutputLine> lines = after < snapshot.written()
				? written(buildId, after, snapshot.written(), limit) : new ArrayList<>();
		for (int i = 0; i < snapshot.pending().size() && lines.size() < limit; i++) {
			lines.add(new OutputLine(snapshot.firstPending() + i, snapshot.pending().get(i)));
		}
		boolean ended = snapshot.closed() && lines.size() < limit;
		return new OutputPage(lines, ended);
	}

	/** The last {@code count} lines. */
	OutputPage tail(long buildId, int count) {
		Recorder recorder = open.get(buildId);
		Integer total = recorder != null ? recorder.total()
				: jdbc.queryForObject("select coalesce(max(line_no) + 1, 0) from build_output where build_id = ?",
						Integer.class, buildId);
		return page(buildId, Math.max(0, total - count), count);
	}

	/**
	 * Waits up to {@code timeout} for a line numbered above {@code after} or the build's end; false when
	 * neither came.
	 */
	boolean await(long buildId, int after, Duration timeout) throws InterruptedException {
		Recorder recorder = open.get(buildId);
		return recorder == null || recorder.await(after, timeout);
	}

	/** Why the build's output is gone, when it was deleted because its app has newer builds than the retention keeps. */
	Optional<String> expiry(long buildId) {
		boolean expired = Boolean.TRUE.equals(jdbc.query("select expired from build_output_totals where build_id = ?",
				rs -> rs.next() && rs.getBoolean(1), buildId));
		return expired ? Optional.of("The output of build " + buildId + " has expired: Slipway keeps the output of each "
				+ "app's last " + settings.keptBuilds() + " builds (SLIPWAY_BUILD_OUTPUT_KEPT_BUILDS).") : Optional.empty();
	}

	/** Bytes of kept build output by app id, for the disk use view. */
	Map<Long, Long> bytesByApp() {
		Map<Long, Long> bytes = new HashMap<>();
		jdbc.query("select b.app_id, sum(t.bytes) from build_output_totals t join builds b on b.id = t.build_id "
				+ "where not t.expired group by b.app_id", rs -> {
					bytes.put(rs.getLong(1), rs.getLong(2));
				});
		return bytes;
	}

	/** Stored lines numbered above {@code after} and up to {@code upTo}; line_no counts from 0. */
	private List<OutputLine> written(long buildId, int after, int upTo, int limit) {
		return new ArrayList<>(jdbc.query("select line_no, line from build_output "
				+ "where build_id = ? and line_no >= ? and line_no < ? order by line_no limit ?",
				(rs, row) -> new OutputLine(rs.getInt(1) + 1, rs.getString(2)), buildId, after, upTo, limit));
	}

	/** Deletes the output of the app's builds older than the newest {@code kept-builds}, keeping their records. */
	private void expireOlderThanKept(long buildId) {
		List<Long> expired = jdbc.queryForList("""
				select id from builds
				where app_id = (select app_id from builds where id = ?)
				  and id not in (select build_id from build_output_totals where expired)
				order by id desc offset ?""", Long.class, buildId, settings.keptBuilds());
		for (long id : expired) {
			jdbc.update("delete from build_output where build_id = ?", id);
			jdbc.update("insert into build_output_totals (build_id, lines, bytes, expired) values (?, 0, 0, true) "
					+ "on conflict (build_id) do update set expired = true", id);
		}
	}

	@Scheduled(fixedDelay = 250)
	void flushOpenRecorders() {
		open.values().forEach(Recorder::flush);
	}

	final class Recorder implements Progress, AutoCloseable {

		private final long buildId;

		private final List<String> pending = new ArrayList<>();

		/** Lines numbered up to this are in the table (or were dropped); pending ones follow. */
		private int written;

		private long bytes;

		private boolean closed;

		private Recorder(long buildId) {
			this.buildId = buildId;
		}

		@Override
		public synchronized void line(String line) {
			String cleaned = BuildOutputCap.clean(line);
			pending.add(cleaned);
			bytes += cleaned.getBytes(StandardCharsets.UTF_8).length + 1;
			notifyAll();
		}

		record Snapshot(int written, int firstPending, List<String> pending, boolean closed) {
		}

		/** What a page needs while the recorder runs: how far the table goes, and the pending lines it asks for. */
		private synchronized Snapshot snapshot(int after, int limit) {
			int from = Math.max(0, after - written);
			int to = Math.min(pending.size(), from + limit);
			return new Snapshot(written, written + from + 1,
					from < to ? List.copyOf(pending.subList(from, to)) : List.of(), closed);
		}

		private synchronized int total() {
			return written + pending.size();
		}

		private synchronized boolean await(int after, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!closed && total() <= after) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				wait(Math.max(1, left / 1_000_000));
			}
			return true;
		}

		/**
		 * Writes the pending lines. Their numbers are taken whatever happens: a batch that fails is written
		 * line by line, and a line that still fails is dropped, so nothing is ever written again and again.
		 */
		synchronized void flush() {
			if (pending.isEmpty()) {
				return;
			}
			List<String> lines = List.copyOf(pending);
			int first = written;
			pending.clear();
			written += lines.size();
			List<Object[]> rows = new ArrayList<>(lines.size());
			for (int i = 0; i < lines.size(); i++) {
				rows.add(new Object[] { buildId, first + i, lines.get(i) });
			}
			try {
				jdbc.batchUpdate(INSERT, rows);
			}
			catch (DataAccessException ex) {
				writeOneByOne(rows, ex);
			}
		}

		private void writeOneByOne(List<Object[]> rows, DataAccessException batchFailure) {
			int dropped = 0;
			for (int i = 0; i < rows.size(); i++) {
				try {
					jdbc.update(INSERT, rows.get(i));
				}
				catch (NonTransientDataAccessException ex) {
					dropped++;
				}
				catch (DataAccessException ex) {
					// The database is unreachable or busy: waiting on it line by line would only hold the build up.
					dropped += rows.size() - i;
					break;
				}
			}
			if (dropped > 0) {
				log.warn("Dropped {} line(s) of the output of build {}: {}", dropped, buildId,
						batchFailure.getMostSpecificCause().getMessage());
			}
		}

		/** Ends the recording: what is pending is written, and readers waiting for more learn it is over. */
		@Override
		public void close() {
			try {
				flush();
				jdbc.update("insert into build_output_totals (build_id, lines, bytes) values (?, ?, ?) "
						+ "on conflict (build_id) do update set lines = excluded.lines, bytes = excluded.bytes",
						buildId, written, bytes);
				expireOlderThanKept(buildId);
			}
			catch (DataAccessException ex) {
				log.warn("Finishing the output of build {} failed: {}", buildId, ex.getMostSpecificCause().getMessage());
			}
			finally {
				synchronized (this) {
					closed = true;
					notifyAll();
				}
				open.remove(buildId);
			}
		}

	}

}
