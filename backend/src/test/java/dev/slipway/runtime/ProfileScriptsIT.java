package dev.slipway.runtime;

import java.time.Duration;
import java.util.Map;

import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dynos of a buildpack release source the app's .profile.d scripts and live in /app, as on Heroku. */
class ProfileScriptsIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void everyDynoSourcesTheProfileScriptsInOrderAndStartsInApp() {
		String app = slipway.createApp("profiled");
		GitProject.Push push = GitProject.sample("procfile")
			.write(".profile.d/greeting.sh", "export GREETING=from-profile\n")
			.write(".profile.d/later.sh", "export LATER=\"after $GREETING\"\n")
			.write("Procfile", "web: ./server.sh\nrelease: echo \"release sees $GREETING in $PWD\"\n")
			.commit("profile scripts")
			.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("release sees from-profile in /app");

		RouterClient.Answer answer = RouterClient.await(app, a -> a.status() == 200, Duration.ofSeconds(10));
		assertThat(answer.body()).startsWith("shell v1 dyno=web.1 greeting=from-profile");
		assertThat(RouterClient.get(app + ".localhost", "/env/LATER", null).body()).isEqualTo("after from-profile");
		assertThat(RouterClient.get(app + ".localhost", "/env/HOME", null).body()).isEqualTo("/app");

		Http.Response oneOff = slipway.adminApi()
			.post("/api/apps/" + app + "/dynos", Map.of("command", "echo \"$GREETING at $PWD, home $HOME\"", "attach", true));
		assertThat(oneOff.body()).contains("from-profile at /app, home /app");
	}

}
