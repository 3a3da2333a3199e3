package dev.slipway.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.logs.AppLogs;
import dev.slipway.logs.LogFilter;
import dev.slipway.logs.LogLine;
import dev.slipway.logs.LogSubscription;
import dev.slipway.test.EventStreamClient;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures a live log follower (the logs page's event stream, unfiltered, as a browser follows it)
 * idle and through a burst of {@value #DEFAULT_BURST} numbered lines from one dyno, while a ticker
 * dyno writes a line every 10 ms: how many of the burst's lines it receives, whether any line's
 * sequence number or burst number is missing, repeated or out of order, and how long a line takes
 * from its arrival in Slipway (when it was numbered, seen by a reader inside the same JVM) to the
 * follower, p50 and p99, idle and under the burst. The limits it compares with: the idle latency,
 * and how long the store took to hold the whole burst. Prints the numbers; asserts nothing.
 */
public final class LogFollowerBenchmark {

	static final int DEFAULT_BURST = 90_000;

	static final int BURST = Integer.getInteger("burst.lines", DEFAULT_BURST);

	static final String BURST_SCRIPT = "#!/bin/sh\n# Writes BURST_LINES numbered lines as fast as it can, then idles.\n"
			+ "perl -e 'for my $i (1..$ENV{BURST_LINES}) { print \"burst $i\\n\" }'\nexec sleep infinity\n";

	static final String TICK = "#!/bin/sh\n# A line every 10 ms.\n"
			+ "exec perl -e '$| = 1; my $i = 0; while (1) { $i++; print \"tick $i\\n\"; select(undef, undef, undef, 0.01) }'\n";

	/** As a follower reads the store: a page at a time. */
	static final int PAGE = 5_000;

	static final Pattern BURST_LINE = Pattern.compile(" app\\[burst\\.1\\]: burst (\\d+)$");

	private LogFollowerBenchmark() {
	}

	public static void main(String[] args) {
		BenchmarkMain.run(LogFollowerBenchmark::measure);
	}

	private static void measure() throws Exception {
		SlipwayUnderTest slipway = SlipwayUnderTest.dedicated(System.getProperty("bench.instance", "slipway-bench"),
				Integer.getInteger("bench.router-port", 8900));
		String app = slipway.createApp("follow");
		GitProject.Push push = GitProject.sample("procfile")
			.write("burst.sh", BURST_SCRIPT)
			.write("tick.sh", TICK)
			.write("Procfile", "web: ./server.sh\nburst: ./burst.sh\ntick: ./tick.sh\n")
			.commit("benchmark")
			.push(slipway, app, slipway.adminToken());
		if (!push.succeeded()) {
			throw new IllegalStateException(push.toString());
		}
		slipway.adminApi().patch("/api/apps/" + app + "/config-vars", Map.of("BURST_LINES", String.valueOf(BURST)));
		JdbcTemplate jdbc = slipway.bean(JdbcTemplate.class);
		long appId = jdbc.queryForObject("select id from apps where name = ?", Long.class, app);
		Http browser = slipway.browserSession();
		String stream = browser.url("/apps/" + app + "/logs/stream?tail=0");
		LogBenchmark.scale(slipway, app, "tick", 1);
		Thread.sleep(3000);

		try (Numbering numbering = new Numbering(slipway.bean(AppLogs.class), appId)) {
			FollowedLines idle;
			try (EventStreamClient follower = EventStreamClient.connect(browser.client(), stream, null)) {
				idle = new FollowedLines(follower.collect(Duration.ofSeconds(10)), BURST_LINE, numbering::of);
			}
			FollowedLines burst;
			Instant stored;
			try (EventStreamClient follower = EventStreamClient.connect(browser.client(), stream, null)) {
				List<EventStreamClient.Event> events = new ArrayList<>();
				LogBenchmark.scale(slipway, app, "burst", 1);
				Instant deadline = Instant.now().plusSeconds(300);
				stored = null;
				long received = 0;
				while (Instant.now().isBefore(deadline) && (stored == null || received < BURST)) {
					List<EventStreamClient.Event> more = follower.collect(Duration.ofMillis(200));
					received += FollowedLines.count(more, BURST_LINE);
					events.addAll(more);
					if (stored == null && storedBurstLines(jdbc, appId) >= BURST) {
						stored = Instant.now();
					}
				}
				events.addAll(follower.collect(Duration.ofSeconds(2)));
				burst = new FollowedLines(events, BURST_LINE, numbering::of);
			}
			report(idle, burst, stored);
			if (numbering.overflowed()) {
				System.out.println("  (the benchmark's own reader of the numbering fell behind: latencies from Slipway are partial)");
			}
			catchUp(slipway.bean(AppLogs.class), appId, browser, stream, burst);
			System.out.println("Targets: every burst line received once, in order, no gap; p99 under the burst ≤ 250 ms.");
		}
	}

	private static void report(FollowedLines idle, FollowedLines burst, Instant stored) {
		System.out.println("Follower, idle: " + idle.gaps());
		System.out.println("  latency from Slipway to the follower: " + LogBenchmark.percentiles(idle.latencies));
		System.out.println("  latency of the ticker's lines from the container to the follower: "
				+ LogBenchmark.percentiles(idle.tickLatencies));
		System.out.printf("Follower, %,d-line burst: %s; %s%n", BURST, burst.numbered(BURST), burst.gaps());
		System.out.println("  latency from Slipway to the follower under the burst: " + LogBenchmark.percentiles(burst.latencies)
				+ ratio(burst.latencies, idle.latencies, "idle"));
		System.out.println("  latency of the ticker's lines from the container to the follower under the burst: "
				+ LogBenchmark.percentiles(burst.tickLatencies) + ratio(burst.tickLatencies, idle.tickLatencies, "idle"));
		if (burst.firstWritten != null && burst.lastReceived != null && stored != null) {
			double toStore = Duration.between(burst.firstWritten, stored).toMillis() / 1000.0;
			double toFollower = Duration.between(burst.firstWritten, burst.lastReceived).toMillis() / 1000.0;
			System.out.printf("  the whole burst, from its first line written: at the follower in %.1f s, in the store in %.1f s "
					+ "(to 0.2 s): %.2f × the store%n", toFollower, toStore, toFollower / toStore);
		}
	}

	/**
	 * A follower that starts the whole burst behind (resuming from the line before it) catches up from
	 * the store; the limit is reading the same lines page by page straight from the store.
	 */
	private static void catchUp(AppLogs logs, long appId, Http browser, String stream, FollowedLines burst)
			throws InterruptedException {
		if (burst.firstNumberedSeq == 0) {
			return;
		}
		long from = burst.firstNumberedSeq - 1;
		long started = System.nanoTime();
		List<EventStreamClient.Event> events = new ArrayList<>();
		try (EventStreamClient behind = EventStreamClient.connect(browser.client(), stream, String.valueOf(from))) {
			Instant deadline = Instant.now().plusSeconds(300);
			long received = 0;
			while (received < BURST && Instant.now().isBefore(deadline)) {
				List<EventStreamClient.Event> more = behind.collect(Duration.ofMillis(100));
				received += FollowedLines.count(more, BURST_LINE);
				events.addAll(more);
			}
		}
		double follower = (System.nanoTime() - started) / 1e9;
		FollowedLines caughtUp = new FollowedLines(events, BURST_LINE, seq -> null);
		started = System.nanoTime();
		LogFilter all = new LogFilter(null, null, null, null);
		long read = 0;
		for (List<LogLine> page = logs.after(appId, all, from, PAGE); read < caughtUp.ids.size()
				&& !page.isEmpty(); page = logs.after(appId, all, page.get(page.size() - 1).seq(), PAGE)) {
			read += page.size();
		}
		double store = (System.nanoTime() - started) / 1e9;
		System.out.printf("Follower %,d lines behind (Last-Event-ID from before the burst): %s; %s; caught up in %.2f s = %,.0f lines/s, "
				+ "against %.2f s reading the same pages straight from the store: %.2f × the store%n", BURST,
				caughtUp.numbered(BURST), caughtUp.gaps(), follower, caughtUp.ids.size() / follower, store, follower / store);
	}

	private static String ratio(List<Long> measured, List<Long> limit, String name) {
		if (measured.isEmpty() || limit.isEmpty()) {
			return "";
		}
		return String.format(" (p99 %.1f × %s)", (double) p99(measured) / Math.max(1, p99(limit)), name);
	}

	private static long p99(List<Long> millis) {
		List<Long> sorted = millis.stream().sorted().toList();
		return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
	}

	private static long storedBurstLines(JdbcTemplate jdbc, long appId) {
		return jdbc.queryForObject("select count(*) from log_lines where app_id = ? and process = 'burst.1'", Long.class,
				appId);
	}

	/**
	 * When Slipway numbered each line of the app: a reader of its own inside the control plane, polling
	 * at once, so a line's time here is when it entered the log.
	 */
	private static final class Numbering implements AutoCloseable {

		private final Map<Long, Instant> at = new ConcurrentHashMap<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final LogSubscription subscription;

		private final Thread reader;

		Numbering(AppLogs logs, long appId) {
			subscription = logs.subscribe(appId, new LogFilter(null, null, null, null));
			reader = Thread.ofPlatform().start(() -> {
				try {
					while (running.get()) {
						LogLine line = subscription.poll(100, TimeUnit.MILLISECONDS);
						if (line != null) {
							at.put(line.seq(), Instant.now());
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}

		Instant of(long seq) {
			return at.get(seq);
		}

		boolean overflowed() {
			return subscription.overflowed();
		}

		@Override
		public void close() throws InterruptedException {
			running.set(false);
			reader.join();
			subscription.close();
		}

	}

}
