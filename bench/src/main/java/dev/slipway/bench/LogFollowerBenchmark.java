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

	static final Pattern BURST_LINE = Pattern.compile(" app\\[burst\\.1\\]: burst (\\d+)$");

	private LogFollowerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
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
			Received idle;
			try (EventStreamClient follower = EventStreamClient.connect(browser.client(), stream, null)) {
				idle = new Received(follower.collect(Duration.ofSeconds(10)), numbering);
			}
			Received burst;
			Instant stored;
			try (EventStreamClient follower = EventStreamClient.connect(browser.client(), stream, null)) {
				List<EventStreamClient.Event> events = new ArrayList<>();
				LogBenchmark.scale(slipway, app, "burst", 1);
				Instant deadline = Instant.now().plusSeconds(300);
				stored = null;
				long received = 0;
				while (Instant.now().isBefore(deadline) && (stored == null || received < BURST)) {
					List<EventStreamClient.Event> more = follower.collect(Duration.ofMillis(200));
					received += burstLines(more);
					events.addAll(more);
					if (stored == null && storedBurstLines(jdbc, appId) >= BURST) {
						stored = Instant.now();
					}
				}
				events.addAll(follower.collect(Duration.ofSeconds(2)));
				burst = new Received(events, numbering);
			}
			report(idle, burst, stored);
		}
		System.exit(0);
	}

	private static void report(Received idle, Received burst, Instant stored) {
		System.out.println("Follower, idle: " + idle.gaps() + "; latency from Slipway to the follower "
				+ LogBenchmark.percentiles(idle.latencies));
		System.out.printf("Follower, %,d-line burst: received %,d of %,d burst lines (%,d lost, %,d repeated, %,d out of order), "
				+ "%d drop notices; %s%n", BURST, burst.burstNumbers.stream().distinct().count(), BURST,
				BURST - burst.burstNumbers.stream().distinct().count(), burst.burstNumbers.size()
						- burst.burstNumbers.stream().distinct().count(),
				burst.outOfOrder(), burst.notices, burst.gaps());
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
		System.out.println("Targets: every burst line received once, in order, no gap; p99 under the burst ≤ 250 ms.");
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

	private static long burstLines(List<EventStreamClient.Event> events) {
		return events.stream().filter(event -> BURST_LINE.matcher(event.data()).find()).count();
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

	/** What a follower received: each line checked by its sequence number and, for the burst's lines, their own numbers. */
	private static final class Received {

		final List<Long> latencies = new ArrayList<>();

		final List<Long> tickLatencies = new ArrayList<>();

		final List<Long> burstNumbers = new ArrayList<>();

		final List<Long> ids = new ArrayList<>();

		int notices;

		Instant firstWritten;

		Instant lastReceived;

		private final boolean numberingOverflowed;

		Received(List<EventStreamClient.Event> events, Numbering numbering) {
			numberingOverflowed = numbering.overflowed();
			for (EventStreamClient.Event event : events) {
				long seq = Long.parseLong(event.id());
				ids.add(seq);
				Instant numbered = numbering.of(seq);
				if (numbered != null) {
					latencies.add(Duration.between(numbered, event.arrived()).toMillis());
				}
				if (event.data().contains(" slipway[logs]: ")) {
					notices++;
				}
				if (event.data().contains(" app[tick.1]: tick ")) {
					tickLatencies.add(Duration.between(written(event), event.arrived()).toMillis());
				}
				Matcher burst = BURST_LINE.matcher(event.data());
				if (burst.find()) {
					burstNumbers.add(Long.parseLong(burst.group(1)));
					if (firstWritten == null) {
						firstWritten = written(event);
					}
					lastReceived = event.arrived();
				}
			}
		}

		long outOfOrder() {
			long count = 0;
			for (int i = 1; i < burstNumbers.size(); i++) {
				if (burstNumbers.get(i) < burstNumbers.get(i - 1)) {
					count++;
				}
			}
			return count;
		}

		/** Lines of the app missing between the first and the last received (by sequence number), repeated or out of order. */
		String gaps() {
			long missing = 0;
			long backwards = 0;
			for (int i = 1; i < ids.size(); i++) {
				long step = ids.get(i) - ids.get(i - 1);
				if (step > 1) {
					missing += step - 1;
				}
				else if (step < 1) {
					backwards++;
				}
			}
			return String.format("%,d lines of the app in all, %,d missing between them and %,d repeated or out of order%s",
					ids.size(), missing, backwards,
					numberingOverflowed ? " (the benchmark's own timing reader fell behind: latencies are partial)" : "");
		}

		private static Instant written(EventStreamClient.Event event) {
			return OffsetDateTime.parse(event.data().substring(0, event.data().indexOf(' '))).toInstant();
		}

	}

}
