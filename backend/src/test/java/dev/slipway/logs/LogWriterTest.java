package dev.slipway.logs;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LogWriterTest {

	private final FakeStore store = new FakeStore();

	private final LogBuffer buffer = new LogBuffer(10_000_000);

	private final LogWriter writer = new LogWriter(store, buffer, new SimpleAsyncTaskExecutor());

	private final List<String> notices = new ArrayList<>();

	private final List<PendingLine> done = new ArrayList<>();

	LogWriterTest() {
		writer.onDropped((app, notice) -> notices.add(app + ": " + notice));
		writer.onDone(done::addAll);
	}

	@Test
	void aLineTheStoreRefusesIsDroppedAndReportedAndTheRestOfItsBatchIsStored() {
		List<PendingLine> batch = new ArrayList<>();
		for (int i = 1; i <= 1000; i++) {
			batch.add(line(1, i, i == 677 ? "bad" : "web.1"));
		}
		batch.forEach(writer::offer);
		writeAll(batch);
		assertThat(store.stored).hasSize(999).noneMatch(line -> line.line().process().equals("bad"));
		assertThat(store.stored.stream().map(line -> line.line().seq()).toList()).isSorted();
		assertThat(notices).containsExactly("1: 1 log line could not be stored and was dropped: value too long");
		assertThat(done).hasSize(1000);
		assertThat(buffer.used()).isZero();
		assertThat(store.writes).as("a bisection, not a write per line").isLessThan(40);
	}

	@Test
	void linesOfAnAppThatIsGoneAreDiscardedWithoutANoticeAndLaterOnesAreRefused() {
		store.existing = List.of(1L);
		List<PendingLine> batch = List.of(line(1, 1, "web.1"), line(2, 1, "web.1"), line(1, 2, "web.1"),
				line(2, 2, "web.1"));
		batch.forEach(writer::offer);
		writeAll(batch);
		assertThat(store.stored).extracting(PendingLine::appId).containsExactly(1L, 1L);
		assertThat(notices).isEmpty();
		assertThat(writer.accepts(2)).isFalse();
		assertThat(writer.offer(line(2, 3, "web.1"))).isFalse();
		assertThat(buffer.used()).isZero();
	}

	@Test
	void whenTheStoreIsDownTheBatchStaysToBeTriedAgain() {
		store.down = true;
		Deque<List<PendingLine>> chunks = new ArrayDeque<>(List.of(List.of(line(1, 1, "web.1"))));
		assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> writer.writeFirst(chunks));
		assertThat(chunks).hasSize(1);
		store.down = false;
		writer.writeFirst(chunks);
		assertThat(store.stored).hasSize(1);
		assertThat(notices).isEmpty();
	}

	@Test
	void anAppOverItsShareHasItsLinesDroppedWhileAnotherAppsStillGetIn() {
		LogWriter small = new LogWriter(store, new LogBuffer(100_000), new SimpleAsyncTaskExecutor());
		int flooded = 0;
		for (int i = 1; i <= 1000; i++) {
			if (small.offer(line(1, i, "web.1"))) {
				flooded++;
			}
		}
		assertThat(flooded).isLessThan(1000);
		for (int i = 1; i <= 20; i++) {
			assertThat(small.offer(line(2, i, "web.1"))).isTrue();
		}
	}

	private void writeAll(List<PendingLine> batch) {
		Deque<List<PendingLine>> chunks = new ArrayDeque<>(List.of(batch));
		while (!chunks.isEmpty()) {
			writer.writeFirst(chunks);
		}
	}

	private static PendingLine line(long app, long seq, String process) {
		return new PendingLine(app, new LogLine(seq, Instant.now(), LogSource.APP, process, "line " + seq), null, null);
	}

	/** Refuses a batch as PostgreSQL would: a process that is too long, or a line of an app that is gone. */
	private static final class FakeStore extends LogStore {

		final List<PendingLine> stored = new ArrayList<>();

		List<Long> existing = List.of(1L, 2L);

		boolean down;

		int writes;

		FakeStore() {
			super(null, null);
		}

		@Override
		void write(List<PendingLine> lines, Map<String, ContainerCursor> cursors) {
			writes++;
			if (down) {
				throw new DataAccessResourceFailureException("connection refused",
						new SQLException("connection refused", "08006"));
			}
			if (lines.stream().anyMatch(line -> !existing.contains(line.appId()))) {
				throw new DataIntegrityViolationException("COPY",
						new SQLException("insert violates foreign key constraint", "23503"));
			}
			if (lines.stream().anyMatch(line -> line.line().process().equals("bad"))) {
				throw new DataIntegrityViolationException("COPY", new SQLException("value too long\n  Where: COPY", "22001"));
			}
			stored.addAll(lines);
		}

		@Override
		List<Long> existingApps(List<Long> appIds) {
			return appIds.stream().filter(existing::contains).toList();
		}

		@Override
		Map<String, ContainerCursor> cursors() {
			return Map.of();
		}

	}

}
