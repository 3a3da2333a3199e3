package dev.slipway.logs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.test.EventStreamClient;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise that no log line is lost, under the load that once broke it: two dynos and the router
 * write into one app's log at once, and one reader follows all of it (no filter) over the dashboard's
 * event stream across four restarts of the control plane, resuming with Last-Event-ID each time as
 * the browser does (signed in again: sessions do not outlive a restart). Every line's sequence number
 * must follow the one before, and each ticker's numbers must too. And a flood many times larger than
 * its app's share of the log buffer, read with back-pressure, is stored whole across a restart.
 */
class LogNoLossIT {

	/**
	 * A loss that happens in one restart of two slips through all four with a chance of (1/2)^4: four
	 * restarts catch it in 15 runs of 16, and every run of the suite runs this again.
	 */
	static final int RESTARTS = 4;

	/**
	 * As the buffer counts them, about 200 bytes a line: 40 MB, twenty times the shared Slipway's
	 * buffer ({@link SlipwayUnderTest#LOG_BUFFER_SIZE}), and still within Docker's first 20 MB log file.
	 */
	static final int FLOOD_LINES = 200_000;

	static final Pattern TICK = Pattern.compile("app\\[(ticker\\.\\d)\\]: tick (\\d+) (\\d+)$");

	@Test
	void aFollowerAcrossRestartsUnderSteadyLoadSeesEveryLineOnceInOrder() throws Exception {
		SlipwayUnderTest slipway = SlipwayUnderTest.shared();
		String app = slipway.createApp("noloss");
		GitProject project = GitProject.sample("procfile")
			.write("ticker.sh", "#!/bin/sh\nboot=$(date +%s%N)\ni=0\nwhile true; do i=$((i+1)); echo \"tick $boot $i\"; sleep 0.05; done\n")
			.write("Procfile", "web: ./server.sh\nticker: ./ticker.sh\n")
			.commit("two tickers");
		GitProject.Push push = project.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", "ticker", "quantity", 2))))
			.status()).isEqualTo(200);

		AtomicBoolean loading = new AtomicBoolean(true);
		Thread requests = Thread.ofVirtual().start(() -> {
			while (loading.get()) {
				try {
					RouterClient.get(app);
				}
				catch (RuntimeException refused) {
					// The load goes on; the log is what this test checks.
				}
				sleep(50);
			}
		});
		List<List<EventStreamClient.Event>> segments = new ArrayList<>();
		String lastId = null;
		try {
			for (int run = 0; run <= RESTARTS; run++) {
				Http browser = slipway.browserSession();
				List<EventStreamClient.Event> segment;
				try (EventStreamClient client = EventStreamClient.connect(browser.client(),
						browser.url("/apps/" + app + "/logs/stream?tail=0"), lastId)) {
					segment = client.collect(Duration.ofSeconds(5));
				}
				segments.add(segment);
				assertThat(segment).as("lines after restart %s", run).isNotEmpty();
				lastId = segment.get(segment.size() - 1).id();
				if (run < RESTARTS) {
					slipway.restart();
				}
			}
		}
		finally {
			loading.set(false);
			requests.join();
		}

		List<EventStreamClient.Event> all = segments.stream().flatMap(List::stream).toList();
		for (int i = 1; i < all.size(); i++) {
			assertThat(Long.parseLong(all.get(i).id())).as("the line after %s (%s)", all.get(i - 1).data(), all.get(i).data())
				.isEqualTo(Long.parseLong(all.get(i - 1).id()) + 1);
		}
		Map<String, Long> lastTick = new HashMap<>();
		for (EventStreamClient.Event event : all) {
			Matcher tick = TICK.matcher(event.data());
			if (tick.find()) {
				String run = tick.group(1) + " " + tick.group(2);
				long number = Long.parseLong(tick.group(3));
				Long previous = lastTick.put(run, number);
				if (previous != null) {
					assertThat(number).as("%s after tick %s", run, previous).isEqualTo(previous + 1);
				}
			}
		}
		for (List<EventStreamClient.Event> segment : segments) {
			assertThat(segment).as("each stretch has both tickers and the router")
				.anyMatch(event -> event.data().contains(" app[ticker.1]: tick "))
				.anyMatch(event -> event.data().contains(" app[ticker.2]: tick "))
				.anyMatch(event -> event.data().contains(" router[web.1]: "));
		}
		slipway.adminApi().delete("/api/apps/" + app);
	}

	/**
	 * A flood of short lines many times larger than the app's share of the (small) log buffer, with a
	 * restart of the control plane while its reader waits for room: every line is stored, once, in
	 * the order written, and nothing is reported dropped or missing.
	 */
	@Test
	void aFloodLargerThanItsShareOfTheBufferIsStoredWholeOnceAndInOrderAcrossARestart() throws Exception {
		SlipwayUnderTest slipway = SlipwayUnderTest.shared();
		String app = slipway.createApp("flood");
		GitProject.Push push = GitProject.sample("procfile")
			.write("flood.sh", "#!/bin/sh\nperl -e 'print \"flood $_\\n\" for 1..$ARGV[0]' " + FLOOD_LINES
					+ "\nexec sleep infinity\n")
			.write("Procfile", "web: ./server.sh\nflood: ./flood.sh\n")
			.commit("a flood")
			.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		long appId = slipway.bean(JdbcTemplate.class).queryForObject("select id from apps where name = ?", Long.class, app);
		assertThat(slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", "flood", "quantity", 1))))
			.status()).isEqualTo(200);

		long before = awaitStored(slipway, appId, FLOOD_LINES / 10);
		slipway.restart();
		long stored = awaitStored(slipway, appId, FLOOD_LINES);
		assertThat(before).as("the restart came during the flood").isLessThan(FLOOD_LINES);

		JdbcTemplate jdbc = slipway.bean(JdbcTemplate.class);
		List<String> lines = jdbc.queryForList(
				"select text from log_lines where app_id = ? and source = 'APP' and process = 'flood.1' order by seq", String.class, appId);
		assertThat(stored).isEqualTo(FLOOD_LINES);
		for (int i = 0; i < lines.size(); i++) {
			assertThat(lines.get(i)).isEqualTo("flood " + (i + 1));
		}
		assertThat(jdbc.queryForList("select text from log_lines where app_id = ? and process = 'logs'", String.class, appId))
			.as("notices of the log itself").isEmpty();
		slipway.adminApi().delete("/api/apps/" + app);
	}

	/** Waits until at least {@code lines} lines of the flood are stored (a minute at most), and returns how many are. */
	private static long awaitStored(SlipwayUnderTest slipway, long appId, long lines) {
		JdbcTemplate jdbc = slipway.bean(JdbcTemplate.class);
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		long stored = 0;
		while (stored < lines && System.nanoTime() < deadline) {
			sleep(100);
			stored = jdbc.queryForObject("select count(*) from log_lines where app_id = ? and source = 'APP' and process = 'flood.1'",
					Long.class, appId);
		}
		return stored;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
