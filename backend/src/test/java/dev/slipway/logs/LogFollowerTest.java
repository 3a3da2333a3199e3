package dev.slipway.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follower against app logs whose writer runs and stores lines as they come (in memory, in place
 * of PostgreSQL), so catching up reads the store and the lines on their way together while a burst
 * goes on.
 */
class LogFollowerTest {

	private static final LogFilter ALL = new LogFilter(null, null, null, null);

	private final MemoryStore store = new MemoryStore();

	private final LogWriter writer = new LogWriter(store, new LogBuffer(512L * 1024 * 1024), new SimpleAsyncTaskExecutor());

	private final AppLogs logs = new AppLogs(store, writer);

	LogFollowerTest() {
		writer.start();
	}

	@AfterEach
	void stop() {
		writer.stop();
	}

	@Test
	void aFollowerThatFallsBehindABurstOfManyPagesGetsEveryLineOnceInOrder() throws Exception {
		int burst = 12 * LogFollower.PAGE + 123;
		try (LogFollower follower = logs.follow(1, ALL, null, 0)) {
			List<Long> seen = new ArrayList<>();
			append(1, 10);
			read(follower, seen, 10);
			// More than its subscription holds arrives while it does not read: it is cut off, and catches up.
			append(11, LogSubscription.CAPACITY + LogFollower.PAGE);
			// A small first batch waits for more lines (LogWriter.LINGER): the follower catches up from the store once it has some.
			while (store.lines.isEmpty()) {
				Thread.sleep(10);
			}
			Thread burstGoesOn = Thread.ofPlatform().start(() -> append(11 + LogSubscription.CAPACITY + LogFollower.PAGE,
					burst - LogSubscription.CAPACITY - LogFollower.PAGE));
			read(follower, seen, 10 + burst);
			burstGoesOn.join();
			assertThat(store.lines).as("the store took lines while the follower caught up").isNotEmpty();
			assertConsecutive(seen, 10 + burst);
		}
	}

	@Test
	void aFollowerThatFellFurtherBehindThanTheLogKeepsIsToldWhatItMissed() throws Exception {
		append(1, 3 * LogFollower.PAGE);
		while (store.lines.size() < 3 * LogFollower.PAGE) {
			Thread.sleep(10);
		}
		store.lines.headMap(2_000L, true).clear();
		// The writer lets go of a line just after storing it: wait until none of the removed ones is still on its way.
		while (logs.after(1, ALL, 0, 1).get(0).seq() <= 2_000) {
			Thread.sleep(10);
		}
		try (LogFollower follower = logs.follow(1, ALL, 0L, 0)) {
			List<LogLine> first = follower.next(0);
			assertThat(first.get(0).seq()).isEqualTo(2_000);
			assertThat(first.get(0).format()).contains("slipway[logs]: Lines 1 to 2000 of this log were removed by its retention");
			assertThat(first.get(1).seq()).isEqualTo(2_001);
			List<Long> seen = new ArrayList<>(first.stream().map(LogLine::seq).toList());
			read(follower, seen, 3 * LogFollower.PAGE - 1_999);
			assertThat(seen).doesNotHaveDuplicates().isSorted().endsWith((long) 3 * LogFollower.PAGE);
		}
	}

	private void append(int from, int count) {
		for (int i = from; i < from + count; i++) {
			logs.append(1, LogSource.APP, "web.1", Instant.now(), "line " + i, null, null, () -> true);
		}
	}

	/** Reads until {@code expected} lines were seen (or a minute passed), as a client does, each batch at once. */
	private static void read(LogFollower follower, List<Long> seen, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (seen.size() < expected && System.nanoTime() < deadline) {
			follower.next(100).forEach(line -> seen.add(line.seq()));
		}
	}

	private static void assertConsecutive(List<Long> seen, int expected) {
		assertThat(seen).hasSize(expected);
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i)).as("line %s", i).isEqualTo(i + 1);
		}
	}

	/** Stored lines of app 1, by sequence number, as the store would keep them. */
	private static final class MemoryStore extends LogStore {

		private final NavigableMap<Long, LogLine> lines = new ConcurrentSkipListMap<>();

		MemoryStore() {
			super(null, null);
		}

		@Override
		void write(List<PendingLine> written, Map<String, ContainerCursor> cursors) {
			written.forEach(pending -> lines.put(pending.line().seq(), pending.line()));
		}

		@Override
		long maxSeq(long appId) {
			return lines.isEmpty() ? 0 : lines.lastKey();
		}

		@Override
		long minSeq(long appId) {
			return lines.isEmpty() ? 0 : lines.firstKey();
		}

		@Override
		List<LogLine> recent(long appId, LogFilter filter, int limit) {
			List<LogLine> recent = new ArrayList<>(
					lines.descendingMap().values().stream().filter(filter::matches).limit(limit).toList());
			return recent.reversed();
		}

		@Override
		List<LogLine> after(long appId, LogFilter filter, long seq, int limit) {
			return lines.tailMap(seq, false).values().stream().filter(filter::matches).limit(limit).toList();
		}

		@Override
		Map<String, ContainerCursor> cursors() {
			return Map.of();
		}

	}

}
