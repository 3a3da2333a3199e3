package dev.slipway.runtime;

import java.util.List;
import java.util.Map;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Node.js dynos get Heroku's WEB_MEMORY and WEB_CONCURRENCY for their size, unless the app set them. */
class MemoryDefaultsIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void nodeDynosGetAsManyProcessesAsTheirSizeHolds() {
		String app = slipway.createApp("memory");
		GitProject.Push push = GitProject.sample("node").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(run(app, "echo \"memory=$WEB_MEMORY concurrency=$WEB_CONCURRENCY\"")).contains("memory=512 concurrency=1");

		Http.Response resized = slipway.adminApi()
			.patch("/api/apps/" + app + "/formation",
					Map.of("updates", List.of(Map.of("type", "web", "size", "performance-m"))));
		assertThat(resized.status()).as(resized.toString()).isEqualTo(200);
		String web = DockerCli.run("ps", "-q", "--filter", "label=dev.slipway.instance=" + SlipwayUnderTest.INSTANCE,
				"--filter", "label=dev.slipway.app=" + app, "--filter", "label=dev.slipway.size=performance-m");
		assertThat(DockerCli.run("exec", web, "printenv", "WEB_CONCURRENCY")).isEqualTo("5");

		assertThat(slipway.adminApi().patch("/api/apps/" + app + "/config-vars", Map.of("WEB_MEMORY", "256")).status())
			.isEqualTo(200);
		assertThat(run(app, "echo \"memory=$WEB_MEMORY concurrency=$WEB_CONCURRENCY\"")).contains("memory=256 concurrency=2");
	}

	private static String run(String app, String command) {
		return slipway.adminApi().post("/api/apps/" + app + "/dynos", Map.of("command", command, "attach", true)).body();
	}

}
