package dev.slipway.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The live side of an app's log, with nothing stored yet: every line is on its way to the store. */
class AppLogsTest {

	private static final LogFilter ALL = new LogFilter(null, null, null, null);

	private final AppLogs logs = UnstoredAppLogs.create();

	@Test
	void linesOfSeveralStreamsReachAReaderInTheOrderOfTheirNumbers() throws Exception {
		LogSubscription reader = logs.subscribe(1, ALL);
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> streams = new ArrayList<>();
		for (String dyno : List.of("web.1", "web.2", "router")) {
			streams.add(Thread.ofPlatform().start(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				for (int i = 0; i < 5_000; i++) {
					logs.append(1, LogSource.APP, dyno, Instant.now(), "line " + i, null, null, () -> true);
				}
			}));
		}
		start.countDown();
		for (Thread stream : streams) {
			stream.join();
		}
		List<Long> seen = new ArrayList<>();
		for (LogLine line = reader.poll(0, TimeUnit.MILLISECONDS); line != null; line = reader.poll(0, TimeUnit.MILLISECONDS)) {
			seen.add(line.seq());
		}
		assertThat(seen).hasSize(15_000);
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i)).isEqualTo(i + 1);
		}
	}

	@Test
	void aFollowerFarBehindCatchesUpPageByPageWithoutSkippingToTheLiveLines() throws Exception {
		LogFollower follower = logs.follow(1, ALL, 0L, 0);
		append(3 * LogFollower.PAGE + 17);
		List<Long> seen = new ArrayList<>();
		for (int round = 0; round < 10; round++) {
			follower.next(0).forEach(line -> seen.add(line.seq()));
			append(100);
		}
		follower.close();
		assertConsecutive(seen, 3 * LogFollower.PAGE + 17 + 9 * 100);
	}

	@Test
	void aFollowerCutOffForFallingBehindResumesWhereItWas() throws Exception {
		LogFollower follower = logs.follow(1, ALL, null, 0);
		append(10);
		List<Long> seen = new ArrayList<>();
		follower.next(0).forEach(line -> seen.add(line.seq()));
		append(LogSubscription.CAPACITY + 2 * LogFollower.PAGE);
		for (int round = 0; round < 20; round++) {
			follower.next(0).forEach(line -> seen.add(line.seq()));
		}
		follower.close();
		assertConsecutive(seen, 10 + LogSubscription.CAPACITY + 2 * LogFollower.PAGE);
	}

	@Test
	void aProcessNameIsCutToWhatTheStoreKeeps() throws Exception {
		LogSubscription reader = logs.subscribe(1, ALL);
		logs.append(1, LogSource.APP, "p".repeat(63) + "\0" + "x".repeat(10) + ".1", Instant.now(), "hello", null, null, () -> true);
		LogLine line = reader.poll(0, TimeUnit.MILLISECONDS);
		assertThat(line.process()).hasSize(AppLogs.MAX_PROCESS_LENGTH).isEqualTo("p".repeat(63) + " ");
	}

	private void append(int lines) {
		for (int i = 0; i < lines; i++) {
			logs.append(1, LogSource.APP, "web.1", Instant.now(), "line " + i, null, null, () -> true);
		}
	}

	private static void assertConsecutive(List<Long> seen, int expected) {
		assertThat(seen).hasSize(expected);
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i)).as("line %s", i).isEqualTo(i + 1);
		}
	}

}
