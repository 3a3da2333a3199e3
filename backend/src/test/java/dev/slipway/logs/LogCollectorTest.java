package dev.slipway.logs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a container's feed on from where the store left off, with nothing stored in between (no writer runs). */
class LogCollectorTest {

	private static final LogFilter ALL = new LogFilter(null, null, null, null);

	private static final Instant STORED_LAST = Instant.parse("2026-12-07T07:00:00.123456Z");

	private final StoreWithCursor store = new StoreWithCursor();

	private final LogWriter writer = new LogWriter(store, new LogBuffer(1_000_000), new SimpleAsyncTaskExecutor());

	private final AppLogs logs = new AppLogs(store, writer);

	private final OneFeed sources = new OneFeed();

	private final LogCollector collector = new LogCollector(sources, logs, writer);

	@Test
	void theLineStoredLastComingAgainMeansNothingWasMissed() {
		collector.start();
		sources.reader.line(STORED_LAST, "stored already");
		sources.reader.line(STORED_LAST.plusSeconds(1), "next");
		collector.stop();
		assertThat(texts()).containsExactly("next");
	}

	@Test
	void aFeedThatNoLongerHasTheLineStoredLastIsReportedAsMissingLines() {
		collector.start();
		sources.reader.line(STORED_LAST.plusSeconds(30), "the oldest Docker still has");
		collector.stop();
		assertThat(texts()).hasSize(2);
		assertThat(texts().get(0)).startsWith("Log lines of web.1 written after " + STORED_LAST + " and before "
				+ STORED_LAST.plusSeconds(30) + " may be missing: Docker keeps only the newest part");
		assertThat(texts().get(1)).isEqualTo("the oldest Docker still has");
	}

	@Test
	void aReaderThatStoppedWaitingForRoomTakesNoLaterLineEvenOneThatFits() {
		// Room for the notice that lines are missing (see above) and the first line, not for the second.
		LogWriter small = new LogWriter(store, new LogBuffer(4000), new SimpleAsyncTaskExecutor());
		AppLogs smallLogs = new AppLogs(store, small);
		LogCollector stopping = new LogCollector(sources, smallLogs, small);
		stopping.start();
		sources.reader.line(STORED_LAST.plusNanos(1000), "first");
		stopping.stop();
		sources.reader.line(STORED_LAST.plusNanos(2000), "over the app's share: waits, and gives up as Slipway stops "
				+ "x".repeat(1000));
		sources.reader.line(STORED_LAST.plusNanos(3000), "fits, and would leave a gap");
		assertThat(smallLogs.recent(1, ALL, 10)).extracting(LogLine::text).last().isEqualTo("first");
	}

	private List<String> texts() {
		return logs.recent(1, ALL, 10).stream().map(LogLine::text).toList();
	}

	/** One feed of app 1, whose reader the test drives. */
	private static final class OneFeed implements LogSources {

		LogSources.Reader reader;

		@Override
		public AutoCloseable watch(Watcher watcher) {
			watcher.found(new LogFeed("c1", 1, "web.1"));
			return () -> {
			};
		}

		@Override
		public AutoCloseable read(LogFeed feed, long sinceEpochSecond, Reader reader) {
			this.reader = reader;
			return () -> {
			};
		}

		@Override
		public List<String> feedIds() {
			return List.of("c1");
		}

	}

	/** Nothing stored but the feed's cursor: one line at {@link #STORED_LAST}. */
	private static final class StoreWithCursor extends UnstoredAppLogs.EmptyStore {

		@Override
		Map<String, ContainerCursor> cursors() {
			return Map.of("c1", new ContainerCursor(STORED_LAST, 1));
		}

	}

}
