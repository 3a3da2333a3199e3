package dev.slipway.builds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

import dev.slipway.progress.Progress;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every build's output in PostgreSQL and hands it to followers as it comes. Lines are
 * buffered and written in batches a few times a second, so a chatty build costs few statements.
 */
@Component
class BuildOutputStore {

	private final JdbcTemplate jdbc;

	private final Map<Long, Recorder> open = new ConcurrentHashMap<>();

	BuildOutputStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts recording a build's output; close the recorder when the build ends. */
	Recorder record(long buildId) {
		Recorder recorder = new Recorder(buildId);
		open.put(buildId, recorder);
		return recorder;
	}

	/** A build's output so far, including lines not yet written. */
	List<String> lines(long buildId) {
		Recorder recorder = open.get(buildId);
		if (recorder == null) {
			return written(buildId);
		}
		// Under the recorder's lock no flush runs, so the table and the pending lines do not overlap.
		synchronized (recorder) {
			List<String> lines = written(buildId);
			lines.addAll(recorder.pending);
			return lines;
		}
	}

	/**
	 * Puts the lines numbered above {@code after} into {@code sink}, then every new line as the build
	 * writes it, then {@link OutputLine#END} once the build is over.
	 */
	void follow(long buildId, int after, BlockingQueue<OutputLine> sink) {
		Recorder recorder = open.get(buildId);
		if (recorder != null) {
			synchronized (recorder) {
				if (!recorder.closed) {
					List<String> lines = written(buildId);
					lines.addAll(recorder.pending);
					offer(lines, after, sink);
					recorder.followers.add(sink);
					return;
				}
			}
		}
		offer(written(buildId), after, sink);
		sink.add(OutputLine.END);
	}

	void unfollow(long buildId, BlockingQueue<OutputLine> sink) {
		Recorder recorder = open.get(buildId);
		if (recorder != null) {
			synchronized (recorder) {
				recorder.followers.remove(sink);
			}
		}
	}

	private static void offer(List<String> lines, int after, BlockingQueue<OutputLine> sink) {
		for (int number = Math.max(after + 1, 1); number <= lines.size(); number++) {
			sink.add(new OutputLine.Line(number, lines.get(number - 1)));
		}
	}

	private List<String> written(long buildId) {
		return new ArrayList<>(
				jdbc.queryForList("select line from build_output where build_id = ? order by line_no", String.class, buildId));
	}

	@Scheduled(fixedDelay = 250)
	void flushOpenRecorders() {
		open.values().forEach(Recorder::flush);
	}

	final class Recorder implements Progress, AutoCloseable {

		private final long buildId;

		private final List<String> pending = new ArrayList<>();

		private final List<BlockingQueue<OutputLine>> followers = new ArrayList<>();

		private int written;

		private boolean closed;

		private Recorder(long buildId) {
			this.buildId = buildId;
		}

		@Override
		public synchronized void line(String line) {
			pending.add(line);
			OutputLine numbered = new OutputLine.Line(written + pending.size(), line);
			followers.forEach(follower -> follower.add(numbered));
		}

		synchronized void flush() {
			if (pending.isEmpty()) {
				return;
			}
			int first = written;
			List<Object[]> rows = new ArrayList<>(pending.size());
			for (int i = 0; i < pending.size(); i++) {
				rows.add(new Object[] { buildId, first + i, pending.get(i) });
			}
			jdbc.batchUpdate("insert into build_output (build_id, line_no, line) values (?, ?, ?)", rows);
			written += pending.size();
			pending.clear();
		}

		@Override
		public synchronized void close() {
			flush();
			closed = true;
			followers.forEach(follower -> follower.add(OutputLine.END));
			followers.clear();
			open.remove(buildId);
		}

	}

}
