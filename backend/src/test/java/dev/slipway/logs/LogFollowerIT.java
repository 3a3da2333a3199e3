package dev.slipway.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import dev.slipway.test.EventStreamClient;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live followers through a burst of many pages from one dyno, while a ticker goes on: one that reads
 * along (the logs page's event stream, unfiltered), one through the API's text tail filtered to the
 * bursting dyno, and one that starts the whole burst behind (resuming with the Last-Event-ID from
 * before it) and so catches up from the store before it goes on live. Each gets every line once, in
 * order.
 */
class LogFollowerIT {

	static final int BURST = 8 * LogFollower.PAGE + 321;

	static final Pattern BURST_LINE = Pattern.compile(" app\\[burst\\.1\\]: burst (\\d+)$");

	static final Duration WAIT = Duration.ofSeconds(180);

	@Test
	void followersThroughABurstOfManyPagesGetEveryLineOnceInOrder() throws Exception {
		SlipwayUnderTest slipway = SlipwayUnderTest.shared();
		String app = slipway.createApp("follow");
		GitProject.Push push = GitProject.sample("procfile")
			.write("burst.sh", "#!/bin/sh\nperl -e 'for my $i (1.." + BURST + ") { print \"burst $i\\n\" }'\nexec sleep infinity\n")
			.write("ticker.sh", "#!/bin/sh\ni=0\nwhile true; do i=$((i+1)); echo \"tick $i\"; sleep 0.1; done\n")
			.write("Procfile", "web: ./server.sh\nticker: ./ticker.sh\nburst: ./burst.sh\n")
			.commit("a burst and a ticker")
			.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		scale(slipway, app, "ticker", 1);
		Http browser = slipway.browserSession();
		String stream = browser.url("/apps/" + app + "/logs/stream?tail=0");

		try (EventStreamClient along = EventStreamClient.connect(browser.client(), stream, null)) {
			List<EventStreamClient.Event> before = new ArrayList<>(along.collect(Duration.ofSeconds(2)));
			assertThat(before).as("the ticker's lines before the burst").isNotEmpty();
			String beforeBurst = before.get(before.size() - 1).id();
			InputStream tailed = tail(slipway, app);
			CompletableFuture<List<Long>> tail = CompletableFuture.supplyAsync(() -> burstNumbers(tailed));
			scale(slipway, app, "burst", 1);

			List<EventStreamClient.Event> alongEvents = untilWholeBurst(along);
			assertEveryLineOnceInOrder(alongEvents);
			assertThat(tail.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the text tail of burst.1")
				.hasSize(BURST)
				.isEqualTo(LongStream.rangeClosed(1, BURST).boxed().toList());

			Instant resumed = Instant.now();
			try (EventStreamClient behind = EventStreamClient.connect(browser.client(), stream, beforeBurst)) {
				List<EventStreamClient.Event> behindEvents = untilWholeBurst(behind);
				assertThat(behindEvents.get(0).id()).isEqualTo(String.valueOf(Long.parseLong(beforeBurst) + 1));
				behindEvents.addAll(behind.collect(Duration.ofSeconds(2)));
				assertEveryLineOnceInOrder(behindEvents);
				assertThat(written(behindEvents.get(behindEvents.size() - 1))).as("after catching up it goes on live")
					.isAfter(resumed);
			}
		}
		slipway.adminApi().delete("/api/apps/" + app);
	}

	/** Collects until the whole burst came (or the wait ran out). */
	private static List<EventStreamClient.Event> untilWholeBurst(EventStreamClient client) throws InterruptedException {
		List<EventStreamClient.Event> events = new ArrayList<>();
		Instant deadline = Instant.now().plus(WAIT);
		long burst = 0;
		while (burst < BURST && Instant.now().isBefore(deadline)) {
			List<EventStreamClient.Event> more = client.collect(Duration.ofMillis(500));
			burst += more.stream().filter(event -> BURST_LINE.matcher(event.data()).find()).count();
			events.addAll(more);
		}
		return events;
	}

	/** Sequence numbers one after the other, and the burst's own numbers from 1 to the last. */
	private static void assertEveryLineOnceInOrder(List<EventStreamClient.Event> events) {
		List<Long> burst = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				assertThat(Long.parseLong(events.get(i).id())).as("the line after %s", events.get(i - 1).data())
					.isEqualTo(Long.parseLong(events.get(i - 1).id()) + 1);
			}
			Matcher line = BURST_LINE.matcher(events.get(i).data());
			if (line.find()) {
				burst.add(Long.parseLong(line.group(1)));
			}
		}
		assertThat(burst).hasSize(BURST);
		for (int i = 0; i < burst.size(); i++) {
			assertThat(burst.get(i)).as("burst line %s", i).isEqualTo(i + 1);
		}
		assertThat(events).noneMatch(event -> event.data().contains(" slipway[logs]: "));
	}

	/** {@code heroku logs -t --dyno burst.1}, following from the moment it answers. */
	private static InputStream tail(SlipwayUnderTest slipway, String app) throws Exception {
		Http api = slipway.adminApi();
		HttpResponse<InputStream> response = api.client()
			.send(api.request("/api/apps/" + app + "/logs?tail=true&lines=0&dyno=burst.1").GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The burst's numbers as the text tail gives them, until the whole burst came (or the wait ran out). */
	private static List<Long> burstNumbers(InputStream tail) {
		List<Long> numbers = new ArrayList<>();
		Instant deadline = Instant.now().plus(WAIT);
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(tail, StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null && numbers.size() < BURST
					&& Instant.now().isBefore(deadline); line = lines.readLine()) {
				Matcher burst = BURST_LINE.matcher(line);
				if (burst.find()) {
					numbers.add(Long.parseLong(burst.group(1)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return numbers;
	}

	private static Instant written(EventStreamClient.Event event) {
		return OffsetDateTime.parse(event.data().substring(0, event.data().indexOf(' '))).toInstant();
	}

	private static void scale(SlipwayUnderTest slipway, String app, String type, int quantity) {
		assertThat(slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", type, "quantity", quantity))))
			.status()).isEqualTo(200);
	}

}
