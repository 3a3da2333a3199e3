package dev.slipway.hostile;

import java.util.Map;

import dev.slipway.runtime.RuntimeSettings;
import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Dockerfile without USER would run its dynos as root: they run as an unprivileged user instead,
 * confined as DynoContainers promises, as {@code docker inspect} of the real container and the dyno
 * itself tell; root only when the app allows it, with a warning in the push.
 */
class DynoHardeningAttackIT {

	private static final String ROOT_DOCKERFILE = """
			FROM slipway/stack:trixie
			COPY . /app
			CMD ["/app/server.sh"]
			""";

	private static final String PROBE = "id -u; id -g; echo home=$HOME; touch \"$HOME/probe\" && echo home is writable";

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aDockerfileWithoutUserRunsItsDynosUnprivilegedAndConfined() {
		String app = slipway.createApp("rootless");
		GitProject.Push push = rootImage().push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("its dynos run as the unprivileged user 65534:65534 with HOME=/tmp");
		assertThat(RouterClient.get(app + ".localhost", "/", null).body()).startsWith("docker v1 dyno=web.1");

		JsonNode web = inspect(webDyno(app));
		assertThat(web.at("/Config/User").asString()).isEqualTo("65534:65534");
		JsonNode host = web.get("HostConfig");
		assertThat(host.get("CapDrop").valueStream().map(JsonNode::asString)).containsExactly("ALL");
		assertThat(host.get("CapAdd").isNull() || host.get("CapAdd").isEmpty()).as(host.get("CapAdd").toString()).isTrue();
		assertThat(host.get("SecurityOpt").valueStream().map(JsonNode::asString)).contains("no-new-privileges");
		assertThat(host.get("Privileged").asBoolean()).isFalse();
		assertThat(host.get("PidsLimit").asLong()).isEqualTo(slipway.bean(RuntimeSettings.class).pidsLimit());
		assertThat(host.get("Memory").asLong()).isPositive();
		assertThat(host.get("MemorySwap").asLong()).isEqualTo(host.get("Memory").asLong());
		assertThat(host.get("Init").asBoolean()).isTrue();
		assertThat(DockerCli.run("top", webDyno(app), "-o", "pid,uid").lines().skip(1).map(line -> line.strip().split("\\s+")[1]))
			.isNotEmpty()
			.allMatch("65534"::equals);

		assertThat(oneOff(app, PROBE)).startsWith("65534\n65534\nhome=/tmp\nhome is writable\n");
	}

	@Test
	void rootOnlyWhenTheAppAllowsItAndThePushWarns() {
		String app = slipway.createApp("rootful");
		Http.Response allowed = slipway.adminApi().patch("/api/apps/" + app, Map.of("dynos_may_run_as_root", true));
		assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		assertThat(allowed.json().get("dynos_may_run_as_root").asBoolean()).isTrue();

		GitProject.Push push = rootImage().push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("The dynos of v1 run as root: the image's user is root");
		assertThat(oneOff(app, PROBE)).startsWith("0\n0\n");
		JsonNode web = inspect(webDyno(app));
		assertThat(web.at("/Config/User").asString()).isEmpty();
		assertThat(web.at("/HostConfig/CapDrop").valueStream().map(JsonNode::asString)).containsExactly("ALL");

		Http browser = slipway.browserSession();
		Http.Response posted = browser.submitForm("/apps/" + app + "/settings", "/apps/" + app + "/dyno-user",
				Map.of("root", "false"));
		assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
		assertThat(browser.get("/apps/" + app + "/settings").body())
			.contains("never run as root from the next deploy or restart")
			.contains("Root is not allowed for this app.");
		assertThat(slipway.adminApi().get("/api/apps/" + app).json().get("dynos_may_run_as_root").asBoolean()).isFalse();
		assertThat(slipway.adminApi().delete("/api/apps/" + app + "/dynos").status()).isEqualTo(202);
		assertThat(oneOff(app, PROBE)).startsWith("65534\n65534\n");
	}

	@Test
	void aUserNamedOtherwiseWithUidZeroIsRootToo() {
		String app = slipway.createApp("toor");
		GitProject.Push push = GitProject.sample("dockerfile")
			.write("Dockerfile", ROOT_DOCKERFILE.replace("CMD", "RUN echo 'toor:x:0:0::/root:/bin/sh' >> /etc/passwd\nUSER toor\nCMD"))
			.commit("a root user by another name")
			.push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("its dynos run as the unprivileged user 65534:65534");
		assertThat(oneOff(app, PROBE)).startsWith("65534\n65534\n");
	}

	private static GitProject rootImage() {
		return GitProject.sample("dockerfile").write("Dockerfile", ROOT_DOCKERFILE).commit("no USER");
	}

	private static String oneOff(String app, String command) {
		Http.Response run = slipway.adminApi().post("/api/apps/" + app + "/dynos", Map.of("command", command, "attach", true));
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		assertThat(run.body()).endsWith("Process exited with status 0\n");
		return run.body();
	}

	private static String webDyno(String app) {
		return DockerCli.run("ps", "-q", "--filter", "label=dev.slipway.instance=" + SlipwayUnderTest.INSTANCE, "--filter",
				"label=dev.slipway.app=" + app, "--filter", "label=dev.slipway.role=dyno", "--filter",
				"label=dev.slipway.process=web").strip();
	}

	private static JsonNode inspect(String container) {
		return JsonMapper.builder().build().readTree(DockerCli.run("inspect", container)).get(0);
	}

}
