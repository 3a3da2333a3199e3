package dev.slipway.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.test.EventStreamClient;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs that are never lost: a ticker printing a numbered line every 100 ms is followed live, resumed
 * after a disconnect, and survives a redeploy and a restart of Slipway, all checked by its numbers.
 */
class LogsIT {

	/** {@code tick <boot> <n>}: each run of the process has its own boot id and counts from 1. */
	static final Pattern TICK = Pattern.compile("app\\[ticker\\.1\\]: tick (\\d+) (\\d+)$");

	static SlipwayUnderTest slipway;

	static String app;

	static GitProject project;

	@BeforeAll
	static void deploy() {
		slipway = SlipwayUnderTest.shared();
		app = slipway.createApp("logs");
		project = GitProject.sample("procfile")
			.write("ticker.sh", "#!/bin/sh\nboot=$(date +%s%N)\ni=0\nwhile true; do i=$((i+1)); echo \"tick $boot $i\"; sleep 0.1; done\n")
			.write("Procfile", "web: ./server.sh\nticker: ./ticker.sh\n")
			.commit("a ticker");
		GitProject.Push push = project.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		var scaled = slipway.adminApi().patch("/api/apps/" + app + "/formation",
				Map.of("updates", List.of(Map.of("type", "ticker", "quantity", 1))));
		assertThat(scaled.status()).isEqualTo(200);
	}

	@Test
	void aLiveReaderSeesEachLineWithinASecondInOrderAndAResumedOneExactlyWhatItMissed() throws Exception {
		Http browser = slipway.browserSession();
		String stream = browser.url("/apps/" + app + "/logs/stream?dyno=ticker.1&tail=0");
		List<EventStreamClient.Event> first;
		try (EventStreamClient client = EventStreamClient.connect(browser.client(), stream, null)) {
			first = client.collect(Duration.ofSeconds(4));
		}
		assertThat(first).hasSizeGreaterThan(25);
		for (EventStreamClient.Event event : first) {
			assertThat(Duration.between(written(event), event.arrived())).as(event.data()).isLessThan(Duration.ofSeconds(1));
		}
		assertConsecutive(ticks(first.stream().map(EventStreamClient.Event::data).toList()));

		String lastId = first.get(first.size() - 1).id();
		Thread.sleep(3000);
		Instant reconnected = Instant.now();
		List<EventStreamClient.Event> resumed;
		try (EventStreamClient client = EventStreamClient.connect(browser.client(), stream, lastId)) {
			resumed = client.collect(Duration.ofSeconds(2));
		}
		List<String> both = new ArrayList<>(first.stream().map(EventStreamClient.Event::data).toList());
		both.addAll(resumed.stream().map(EventStreamClient.Event::data).toList());
		List<long[]> ticks = ticks(both);
		assertConsecutive(ticks);
		// By the ticker's own clock, not a count: a busy machine slows the ticker, not the promise.
		assertThat(written(resumed.get(0))).as("the resumed stream starts with what was missed").isBefore(reconnected);
		assertThat(written(resumed.get(resumed.size() - 1))).as("and then goes on live").isAfter(reconnected);
		assertThat(Long.parseLong(resumed.get(0).id())).isGreaterThan(Long.parseLong(lastId));
	}

	@Test
	void redeployingAndRestartingSlipwayLosesAndRepeatsNothing() throws Exception {
		Thread.sleep(1500);
		Instant redeployed = Instant.now();
		GitProject.Push redeploy = project.write("redeploy.txt", "v2\n").commit("redeploy").push(slipway, app,
				slipway.adminToken());
		assertThat(redeploy.succeeded()).as(redeploy.toString()).isTrue();
		Thread.sleep(1500);
		slipway.restart();
		Instant restarted = Instant.now();

		// Collection must resume: lines the ticker writes after the restart arrive.
		Map<Long, List<Tick>> byBoot = Map.of();
		for (int attempt = 0; attempt < 100 && !hasTickAfter(byBoot, restarted.plusSeconds(2)); attempt++) {
			Thread.sleep(200);
			byBoot = ticksByBoot(List.of(slipway.adminApi()
				.get("/api/apps/" + app + "/logs?dyno=ticker.1&lines=10000")
				.body()
				.split("\n")));
		}
		assertThat(hasTickAfter(byBoot, restarted.plusSeconds(2))).as("a line written after the restart is stored").isTrue();
		assertThat(byBoot).as("the first run and the one after the redeploy").hasSizeGreaterThanOrEqualTo(2);
		byBoot.forEach((boot, ticks) -> {
			for (int i = 0; i < ticks.size(); i++) {
				assertThat(ticks.get(i).number()).as("run %s, line %s", boot, i).isEqualTo(ticks.get(0).number() + i);
			}
		});
		List<List<Tick>> runs = List.copyOf(byBoot.values());
		List<Tick> replaced = runs.get(runs.size() - 2);
		assertThat(replaced.get(replaced.size() - 1).at()).as("the replaced run's last lines, up to its stop, are stored")
			.isAfter(redeployed);
		List<Tick> latest = runs.get(runs.size() - 1);
		assertThat(latest.get(0).number()).as("the new run is stored from its first line").isEqualTo(1);
		assertThat(latest.get(0).at()).isBefore(restarted);
	}

	@Test
	void filtersAndLineCountsReturnExactlyWhatTheySay() throws InterruptedException {
		RouterClient.get(app);
		while (lines("/api/apps/" + app + "/logs?lines=60&dyno=ticker.1").size() < 60) {
			Thread.sleep(200);
		}
		String api = "/api/apps/" + app + "/logs";
		List<String> five = lines(api + "?lines=5");
		assertThat(five).hasSize(5);
		assertThat(lines(api + "?lines=50&source=app&dyno=ticker.1")).hasSize(50)
			.allMatch(line -> line.contains(" app[ticker.1]: tick "));
		assertThat(lines(api + "?lines=20&source=slipway")).isNotEmpty().allMatch(line -> line.contains(" slipway["));
		assertThat(lines(api + "?lines=10000&source=slipway&process=api"))
			.anyMatch(line -> line.endsWith("slipway[api]: Release v1 created by " + SlipwayUnderTest.ADMIN_EMAIL))
			.anyMatch(line -> line.contains("slipway[api]: Scaled to ticker@1:standard-1x by "));
		assertThat(lines(api + "?lines=10000&process=web&source=slipway"))
			.anyMatch(line -> line.endsWith("slipway[web.1]: State changed from starting to up"));
		assertThat(lines(api + "?lines=10000&source=slipway&process=build")).anyMatch(line -> line.contains("-----> Build succeeded"));
		assertThat(lines(api + "?lines=3&source=router")).isNotEmpty()
			.allMatch(line -> line.matches("\\S+ router\\[web\\.1\\]: at=info method=GET path=\"/\" host=" + app
					+ "\\.localhost request_id=\\S+ fwd=\"127\\.0\\.0\\.1\" dyno=web\\.1 connect=\\d+ms service=\\d+ms status=200 bytes=\\d+"));
		assertThat(lines(api + "?lines=10000&q=TICK%20")).isNotEmpty().allMatch(line -> line.contains("tick "));
		assertThat(slipway.adminApi().get(api + "?source=nowhere").status()).isEqualTo(400);
	}

	@Test
	void aLineOf50000CharactersIsStoredAsFiveLines() throws Exception {
		Http.Response started = slipway.adminApi().post("/api/apps/" + app + "/dynos",
				Map.of("command", "head -c 50000 /dev/zero | tr '\\0' x; echo; echo long line done", "attach", false));
		assertThat(started.status()).isEqualTo(202);
		String dyno = started.json().get("dyno").asString();
		List<String> lines = List.of();
		for (int attempt = 0; attempt < 50 && lines.stream().noneMatch(line -> line.endsWith("long line done")); attempt++) {
			Thread.sleep(200);
			lines = lines("/api/apps/" + app + "/logs?lines=100&source=app&dyno=" + dyno);
		}
		assertThat(lines).hasSize(6);
		assertThat(lines.subList(0, 5)).allMatch(line -> line.endsWith("]: " + "x".repeat(10_000)));
	}

	private static List<String> lines(String path) {
		String body = slipway.adminApi().get(path).body();
		return body.isEmpty() ? List.of() : List.of(body.split("\n"));
	}

	/** When the dyno wrote the line: Docker's timestamp, which each line of the stream starts with. */
	private static Instant written(EventStreamClient.Event event) {
		return OffsetDateTime.parse(event.data().substring(0, event.data().indexOf(' '))).toInstant();
	}

	/** A ticker's line: its run, its number and when it was written. */
	record Tick(long boot, long number, Instant at) {
	}

	private static Map<Long, List<Tick>> ticksByBoot(List<String> lines) {
		Map<Long, List<Tick>> byBoot = new LinkedHashMap<>();
		for (String line : lines) {
			Matcher matcher = TICK.matcher(line);
			if (matcher.find()) {
				Tick tick = new Tick(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
						OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant());
				byBoot.computeIfAbsent(tick.boot(), boot -> new ArrayList<>()).add(tick);
			}
		}
		return byBoot;
	}

	private static boolean hasTickAfter(Map<Long, List<Tick>> byBoot, Instant time) {
		return byBoot.values().stream().flatMap(List::stream).anyMatch(tick -> tick.at().isAfter(time));
	}

	private static List<long[]> ticks(List<String> lines) {
		List<long[]> ticks = new ArrayList<>();
		for (String line : lines) {
			Matcher matcher = TICK.matcher(line);
			if (matcher.find()) {
				ticks.add(new long[] { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)) });
			}
		}
		return ticks;
	}

	private static void assertConsecutive(List<long[]> ticks) {
		assertThat(ticks).isNotEmpty();
		for (int i = 1; i < ticks.size(); i++) {
			assertThat(ticks.get(i)[0]).isEqualTo(ticks.get(0)[0]);
			assertThat(ticks.get(i)[1]).as("line after %s", ticks.get(i - 1)[1]).isEqualTo(ticks.get(i - 1)[1] + 1);
		}
	}

}
