package dev.slipway.logs;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

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
		batch.forEach(this::offer);
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
		batch.forEach(this::offer);
		writeAll(batch);
		assertThat(store.stored).extracting(PendingLine::appId).containsExactly(1L, 1L);
		assertThat(notices).isEmpty();
		assertThat(writer.accepts(2)).isFalse();
		assertThat(writer.reserve(2, 100, () -> true)).as("not waiting for room it would never use").isFalse();
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
	void aFloodLargerThanItsShareIsStoredWholeAndInOrderWhileAnotherAppStillGetsIn() throws Exception {
		LogWriter small = new LogWriter(store, new LogBuffer(100_000), new SimpleAsyncTaskExecutor());
		small.start();
		try {
			Thread flood = Thread.ofPlatform().start(() -> {
				for (int i = 1; i <= 5000; i++) {
					PendingLine line = line(1, i, "web.1");
					assertThat(small.reserve(1, line.bytes(), () -> true)).isTrue();
					small.enqueue(line);
				}
			});
			for (int i = 1; i <= 20; i++) {
				assertThat(small.reserve(2, 1000, () -> false)).as("another app's reader does not wait").isTrue();
				small.enqueue(line(2, i, "web.1"));
			}
			flood.join();
		}
		finally {
			small.stop();
		}
		assertThat(store.stored.stream().filter(line -> line.appId() == 1).map(line -> line.line().seq()))
			.containsExactlyElementsOf(LongStream.rangeClosed(1, 5000).boxed().toList());
		assertThat(store.stored).filteredOn(line -> line.appId() == 2).hasSize(20);
		assertThat(notices).isEmpty();
	}

	@Test
	void aReaderWaitingForRoomGivesUpWhenItsAppIsDeleted() throws Exception {
		LogWriter small = new LogWriter(store, new LogBuffer(1000), new SimpleAsyncTaskExecutor());
		assertThat(small.reserve(1, 500, () -> false)).isTrue();
		CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> small.reserve(1, 100, () -> true));
		small.discard(1);
		assertThat(waiting.get()).isFalse();
	}

	private void offer(PendingLine line) {
		writer.force(line.appId(), line.bytes());
		writer.enqueue(line);
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
