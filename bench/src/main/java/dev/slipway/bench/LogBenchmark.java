package dev.slipway.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.slipway.test.EventStreamClient;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the log pipeline on a real Slipway: how many lines per second a container can write and
 * have stored with none lost, and how long a line takes from the container to a server-sent events
 * client (p50, p99), idle and while the flood runs. Prints the numbers; asserts nothing.
 */
public final class LogBenchmark {

	static final int FLOOD_LINES = Integer.getInteger("flood.lines", 400_000);

	static final String FLOOD = "#!/bin/sh\n# Writes FLOOD_LINES numbered lines as fast as it can, then idles.\n"
			+ "perl -e 'for my $i (1..$ENV{FLOOD_LINES}) { print \"flood $i\\n\" }'\nexec sleep infinity\n";

	static final String TICK = "#!/bin/sh\n# A line every 10 ms, for the latency.\n"
			+ "exec perl -e '$| = 1; my $i = 0; while (1) { $i++; print \"tick $i\\n\"; select(undef, undef, undef, 0.01) }'\n";

	private LogBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		SlipwayUnderTest slipway = SlipwayUnderTest.dedicated("slipway-bench", 8900);
		String app = slipway.createApp("bench");
		GitProject.Push push = GitProject.sample("procfile")
			.write("flood.sh", FLOOD)
			.write("tick.sh", TICK)
			.write("Procfile", "web: ./server.sh\nflood: ./flood.sh\ntick: ./tick.sh\n")
			.commit("benchmark")
			.push(slipway, app, slipway.adminToken());
		if (!push.succeeded()) {
			throw new IllegalStateException(push.toString());
		}
		slipway.adminApi().patch("/api/apps/" + app + "/config-vars", Map.of("FLOOD_LINES", String.valueOf(FLOOD_LINES)));
		JdbcTemplate jdbc = slipway.bean(JdbcTemplate.class);
		long appId = jdbc.queryForObject("select id from apps where name = ?", Long.class, app);
		Http browser = slipway.browserSession();

		scale(slipway, app, "tick", 1);
		System.out.println("Latency, idle: " + latency(browser, app, Duration.ofSeconds(10)));

		scale(slipway, app, "flood", 1);
		EventStreamClient under = EventStreamClient.connect(browser.client(),
				browser.url("/apps/" + app + "/logs/stream?dyno=tick.1&tail=0"), null);
		Instant deadline = Instant.now().plusSeconds(180);
		long stored = 0;
		while (stored < FLOOD_LINES && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			stored = count(jdbc, appId);
		}
		List<EventStreamClient.Event> duringFlood = under.collect(Duration.ofMillis(10));
		under.close();
		Map<String, Object> span = jdbc.queryForMap("select min(at) as first, max(at) as last, count(*) as lines, "
				+ "count(distinct text) as distinct_lines from log_lines where app_id = ? and process = 'flood.1' "
				+ "and text like 'flood %'", appId);
		Instant first = ((Timestamp) span.get("first")).toInstant();
		Instant storedAll = Instant.now();
		long lines = ((Number) span.get("lines")).longValue();
		long distinct = ((Number) span.get("distinct_lines")).longValue();
		double seconds = Duration.between(first, storedAll).toMillis() / 1000.0;
		System.out.printf("Ingest: %d lines written by one dyno, %d stored (%d distinct, %d lost) in %.1f s = %.0f lines/s%n",
				FLOOD_LINES, lines, distinct, FLOOD_LINES - distinct, seconds, distinct / seconds);
		System.out.println("Latency, under the flood: " + percentiles(latencies(duringFlood)));
		System.out.println("Targets: at least 20000 lines/s with nothing lost; p99 under 250 ms.");
		System.exit(0);
	}

	private static long count(JdbcTemplate jdbc, long appId) {
		return jdbc.queryForObject(
				"select count(*) from log_lines where app_id = ? and process = 'flood.1' and text like 'flood %'", Long.class,
				appId);
	}

	private static String latency(Http browser, String app, Duration window) throws InterruptedException {
		try (EventStreamClient client = EventStreamClient.connect(browser.client(),
				browser.url("/apps/" + app + "/logs/stream?dyno=tick.1&tail=0"), null)) {
			return percentiles(latencies(client.collect(window)));
		}
	}

	/** From the Docker timestamp of a line (when the container wrote it) to its arrival at the client. */
	private static List<Long> latencies(List<EventStreamClient.Event> events) {
		List<Long> millis = new ArrayList<>();
		for (EventStreamClient.Event event : events) {
			Instant written = OffsetDateTime.parse(event.data().substring(0, event.data().indexOf(' '))).toInstant();
			millis.add(Duration.between(written, event.arrived()).toMillis());
		}
		return millis;
	}

	private static String percentiles(List<Long> millis) {
		if (millis.isEmpty()) {
			return "no lines";
		}
		List<Long> sorted = millis.stream().sorted().toList();
		return "p50 " + sorted.get(sorted.size() / 2) + " ms, p99 " + sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)
				+ " ms, max " + sorted.get(sorted.size() - 1) + " ms (" + sorted.size() + " lines)";
	}

	private static void scale(SlipwayUnderTest slipway, String app, String type, int quantity) {
		var response = slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", type, "quantity", quantity))));
		if (response.status() != 200) {
			throw new IllegalStateException(response.toString());
		}
	}

}
