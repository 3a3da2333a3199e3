package dev.slipway.hostile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.slipway.test.EventStreamClient;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant attacks the log pipeline: a dyno that writes for 20 s without a newline must neither grow
 * the control plane's memory nor keep another app's lines from arriving, and a log stream must not
 * outlive the token or session it was opened with.
 */
class LogFloodAttackIT {

	static final Pattern TICK = Pattern.compile("app\\[ticker\\.1\\]: tick (\\d+) (\\d+)$");

	/** What the control plane's heap may grow by during the flood: its log buffer is 64 MB, a line 10,000 bytes. */
	static final long HEAP_GROWTH_LIMIT = 160L * 1024 * 1024;

	static SlipwayUnderTest slipway;

	static GitProject project;

	@BeforeAll
	static void prepare() {
		slipway = SlipwayUnderTest.shared();
		// About 15 MB a second, all one line, for 20 s; then the line ends.
		project = GitProject.sample("procfile")
			.write("ticker.sh", "#!/bin/sh\nboot=$(date +%s%N)\ni=0\nwhile true; do i=$((i+1)); echo \"tick $boot $i\"; sleep 0.1; done\n")
			.write("flood.sh", "#!/bin/sh\nend=$(( $(date +%s) + 20 ))\nwhile [ $(date +%s) -lt $end ]; do head -c 1500000 /dev/zero "
					+ "| tr '\\0' y; sleep 0.1; done\necho\necho flood over\nexec sleep 3600\n")
			.write("Procfile", "web: ./server.sh\nticker: ./ticker.sh\nflood: ./flood.sh\n")
			.commit("a ticker and a flood");
	}

	@Test
	void aDynoWritingWithoutNewlinesNeitherFillsTheControlPlanesMemoryNorHoldsUpAnotherAppsLog() throws Exception {
		String calm = deployed("calm");
		String flood = deployed("flood");
		scale(calm, "ticker", 1);
		Http browser = slipway.browserSession();
		long before = heapAfterGc();
		long highest = before;
		List<EventStreamClient.Event> ticks = new ArrayList<>();
		try (EventStreamClient calmLog = EventStreamClient.connect(browser.client(),
				browser.url("/apps/" + calm + "/logs/stream?dyno=ticker.1&tail=0"), null)) {
			scale(flood, "flood", 1);
			for (int sample = 0; sample < 12; sample++) {
				ticks.addAll(calmLog.collect(Duration.ofSeconds(2)));
				highest = Math.max(highest, heapAfterGc());
			}
		}
		assertThat(highest - before).as("heap growth while a dyno writes a line of ~300 MB")
			.isLessThan(HEAP_GROWTH_LIMIT);
		assertThat(ticks).as("the other app's lines over 24 s").hasSizeGreaterThan(150);
		for (int i = 1; i < ticks.size(); i++) {
			assertThat(number(ticks.get(i))).as("after %s", ticks.get(i - 1).data()).isEqualTo(number(ticks.get(i - 1)) + 1);
		}

		List<String> stored = List.of(slipway.adminApi()
			.get("/api/apps/" + flood + "/logs?source=app&dyno=flood.1&lines=20")
			.body()
			.split("\n"));
		assertThat(stored).as("the endless line, stored in pieces of 10,000 bytes").isNotEmpty()
			.allMatch(line -> line.substring(line.indexOf("]: ") + 3).length() <= 10_000);
		slipway.adminApi().delete("/api/apps/" + flood);
		slipway.adminApi().delete("/api/apps/" + calm);
	}

	@Test
	void anApiTailSendsHeartbeatsAndEndsOnceItsTokenIsRevoked() throws Exception {
		String app = slipway.createApp("tail");
		Http.Response created = Http.basic(slipway.baseUrl(), SlipwayUnderTest.ADMIN_EMAIL, SlipwayUnderTest.ADMIN_PASSWORD)
			.post("/api/tokens", Map.of("name", "a tail"));
		assertThat(created.status()).isEqualTo(201);
		String token = created.json().get("token").asString();
		long tokenId = created.json().get("id").asLong();

		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpResponse<Stream<String>> tail = Http.api(slipway.baseUrl(), token)
			.client()
			.send(HttpRequest.newBuilder(URI.create(slipway.baseUrl() + "/api/apps/" + app + "/logs?tail=true&lines=0"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(tail.statusCode()).isEqualTo(200);
		Thread reader = Thread.ofVirtual().start(() -> {
			try (Stream<String> body = tail.body()) {
				body.forEach(lines::add);
			}
			catch (RuntimeException closed) {
				// The stream broke off; the test looks at what came before.
			}
		});

		assertThat(lines.poll(20, TimeUnit.SECONDS)).as("a heartbeat of a quiet log: an empty line").isEqualTo("");
		assertThat(slipway.adminApi().delete("/api/tokens/" + tokenId).status()).isEqualTo(204);
		assertThat(reader.join(Duration.ofSeconds(10))).as("the tail ends after the token is revoked").isTrue();
		assertThat(lines).last().asString().contains("the API token was revoked");
		slipway.adminApi().delete("/api/apps/" + app);
	}

	@Test
	void theLogStreamOfASessionEndsWhenItSignsOut() throws Exception {
		String app = slipway.createApp("signout");
		Http browser = slipway.browserSession();
		try (EventStreamClient stream = EventStreamClient.connect(browser.client(),
				browser.url("/apps/" + app + "/logs/stream"), null)) {
			assertThat(stream.awaitEnd(Duration.ofSeconds(3))).as("open while signed in").isFalse();
			Http.Response logout = browser.submitForm("/apps", "/logout", Map.of());
			assertThat(logout.status()).isEqualTo(302);
			assertThat(stream.awaitEnd(Duration.ofSeconds(10))).as("ended after signing out").isTrue();
		}
		slipway.adminApi().delete("/api/apps/" + app);
	}

	private static String deployed(String prefix) {
		String app = slipway.createApp(prefix);
		GitProject.Push push = project.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		return app;
	}

	private static void scale(String app, String type, int quantity) {
		assertThat(slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", type, "quantity", quantity))))
			.status()).isEqualTo(200);
	}

	private static long number(EventStreamClient.Event event) {
		Matcher matcher = TICK.matcher(event.data());
		assertThat(matcher.find()).as(event.data()).isTrue();
		return Long.parseLong(matcher.group(2));
	}

	/** The heap the shared Slipway (in this JVM) really holds: measured after a collection. */
	private static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
