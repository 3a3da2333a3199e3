package dev.slipway.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router writes its access log on its own and Slipway reads it from where its store ends: every
 * request gets exactly one router line in its app's log, also the requests answered while Slipway
 * was killed.
 */
class RouterLogIT {

	@Test
	void everyRequestGetsOneRouterLineAlsoThoseAnsweredWhileSlipwayWasDown() throws InterruptedException {
		SlipwayProcess slipway = SlipwayProcess.shared();
		String app = slipway.createApp("routerlog");
		GitProject.Push push = GitProject.sample("procfile").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		RouterClient.await(slipway.routerPort(), app, answer -> answer.status() == 200, Duration.ofSeconds(30));

		List<String> ids = new ArrayList<>();
		requests(slipway, app, ids);
		slipway.kill();
		requests(slipway, app, ids);
		slipway.start();
		requests(slipway, app, ids);

		Instant deadline = Instant.now().plusSeconds(30);
		List<String> lines = routerLines(slipway, app);
		while (!everyOnce(lines, ids) && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			lines = routerLines(slipway, app);
		}
		for (String id : ids) {
			assertThat(lines).as("router lines of request %s", id)
				.filteredOn(line -> line.contains(" request_id=" + id + " "))
				.singleElement()
				.satisfies(line -> assertThat(line).contains(" router[web.1]: at=info method=GET path=\"/\"", " status=200 "));
		}
		slipway.adminApi().delete("/api/apps/" + app);
	}

	private static void requests(SlipwayProcess slipway, String app, List<String> ids) {
		for (int i = 0; i < 10; i++) {
			String id = UUID.randomUUID().toString();
			RouterClient.Answer answer = RouterClient.get(slipway.routerPort(), app + ".localhost", "/", id);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			ids.add(id);
		}
	}

	private static List<String> routerLines(SlipwayProcess slipway, String app) {
		return slipway.adminApi().get("/api/apps/" + app + "/logs?lines=1000&source=router").body().lines().toList();
	}

	private static boolean everyOnce(List<String> lines, List<String> ids) {
		return ids.stream()
			.allMatch(id -> lines.stream().filter(line -> line.contains(" request_id=" + id + " ")).count() == 1);
	}

}
