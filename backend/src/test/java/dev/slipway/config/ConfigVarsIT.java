package dev.slipway.config;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Config vars from the API and the dashboard reach the dynos exactly, with a release each time. */
class ConfigVarsIT {

	static final String TRICKY = "a=b#c \"q\" $HOME  trailing-space ";

	static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ3dLxJcQ5UqKkLf0\nQW4xEzARBgNVBAMMCnNsaXB3YXkuZGV2\n-----END CERTIFICATE-----\n";

	static final String UNICODE = "héllo wörld ✓ 日本語 🚀";

	static SlipwayUnderTest slipway;

	static String app;

	@BeforeAll
	static void deploy() {
		slipway = SlipwayUnderTest.shared();
		app = slipway.createApp("config");
		assertThat(GitProject.sample("procfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
	}

	@Test
	void settingAVarReleasesAndTheAppSeesItUnsettingRemovesIt() {
		int before = releases().size();
		Http.Response set = slipway.adminApi().patch("/api/apps/" + app + "/config-vars", Map.of("GREETING", "hello"));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.json().get("GREETING").asString()).isEqualTo("hello");
		assertThat(releases()).hasSize(before + 1);
		assertThat(releases().get(0).get("description").asString()).isEqualTo("Set GREETING config vars");
		assertThat(RouterClient.get(app).body()).contains("greeting=hello");

		Map<String, Object> unset = new HashMap<>();
		unset.put("GREETING", null);
		assertThat(slipway.adminApi().patch("/api/apps/" + app + "/config-vars", unset).json().has("GREETING")).isFalse();
		assertThat(releases().get(0).get("description").asString()).isEqualTo("Remove GREETING config vars");
		assertThat(RouterClient.get(app).body()).contains("greeting=\n");
	}

	@Test
	void trickyValuesRoundTripThroughTheApiAndIntoTheDynos() {
		Map<String, String> values = Map.of("TRICKY", TRICKY, "PEM", PEM, "UNICODE", UNICODE);
		assertThat(slipway.adminApi().patch("/api/apps/" + app + "/config-vars", values).status()).isEqualTo(200);
		JsonNode config = slipway.adminApi().get("/api/apps/" + app + "/config-vars").json();
		values.forEach((key, value) -> {
			assertThat(config.get(key).asString()).isEqualTo(value);
			assertThat(RouterClient.get(app + ".localhost", "/env/" + key, null).body()).isEqualTo(value);
		});
	}

	@Test
	void trickyValuesRoundTripThroughTheBulkEditor() {
		Http browser = slipway.browserSession();
		String envText = """
				# typed into the bulk editor
				BULK_TRICKY="a=b#c \\"q\\" \\$HOME  trailing-space "
				BULK_PEM="-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIUQ3dLxJcQ5UqKkLf0\\nQW4xEzARBgNVBAMMCnNsaXB3YXkuZGV2\\n-----END CERTIFICATE-----\\n"
				BULK_UNICODE=héllo wörld ✓ 日本語 🚀
				""";
		Map<String, String> current = new LinkedHashMap<>();
		slipway.adminApi().get("/api/apps/" + app + "/config-vars").json().properties()
			.forEach(entry -> current.put(entry.getKey(), entry.getValue().asString()));
		String kept = DotEnv.format(current);
		Http.Response saved = browser.submitForm("/apps/" + app + "/settings", "/apps/" + app + "/config-vars/bulk",
				Map.of("text", kept + envText));
		assertThat(saved.status()).isEqualTo(302);
		awaitRollout(browser);

		JsonNode config = slipway.adminApi().get("/api/apps/" + app + "/config-vars").json();
		assertThat(config.get("BULK_TRICKY").asString()).isEqualTo(TRICKY);
		assertThat(config.get("BULK_PEM").asString()).isEqualTo(PEM);
		assertThat(config.get("BULK_UNICODE").asString()).isEqualTo(UNICODE);
		assertThat(RouterClient.get(app + ".localhost", "/env/BULK_TRICKY", null).body()).isEqualTo(TRICKY);
		assertThat(RouterClient.get(app + ".localhost", "/env/BULK_PEM", null).body()).isEqualTo(PEM);

		String shown = browser.get("/apps/" + app + "/settings").body()
			.replaceAll("(?s).*<textarea name=\"text\"[^>]*>(.*?)</textarea>.*", "$1");
		assertThat(DotEnv.parse(HtmlUtils.htmlUnescape(shown))).containsEntry("BULK_TRICKY", TRICKY)
			.containsEntry("BULK_PEM", PEM)
			.containsEntry("BULK_UNICODE", UNICODE);
	}

	@Test
	void invalidKeysReservedKeysAndTooMuchConfigAreRefusedAndChangeNothing() {
		JsonNode before = slipway.adminApi().get("/api/apps/" + app + "/config-vars").json();
		int releases = releases().size();
		assertRefused(Map.of("1BAD", "x"), 400, "invalid_config_key");
		assertRefused(Map.of("HAS-DASH", "x"), 400, "invalid_config_key");
		assertRefused(Map.of("PORT", "1234"), 400, "reserved_config_key");
		assertRefused(Map.of("DYNO", "web.9"), 400, "reserved_config_key");
		assertRefused(Map.of("SLIPWAY_SECRET", "x"), 400, "reserved_config_key");
		assertRefused(Map.of("FINE", "ok", "BAD KEY", "x"), 400, "invalid_config_key");
		assertRefused(Map.of("HUGE", "x".repeat(33 * 1024)), 413, "config_too_large");
		assertThat(slipway.adminApi().patch("/api/apps/" + app + "/config-vars", Map.of("NUMBER", 5)).status())
			.isEqualTo(400);
		assertThat(slipway.adminApi().get("/api/apps/" + app + "/config-vars").json()).isEqualTo(before);
		assertThat(releases()).hasSize(releases);
	}

	@Test
	void rollingBackRestoresTheEarlierConfig() {
		String other = slipway.createApp("config-rollback");
		assertThat(GitProject.sample("procfile").push(slipway, other, slipway.adminToken()).succeeded()).isTrue();
		slipway.adminApi().patch("/api/apps/" + other + "/config-vars", Map.of("MODE", "first"));
		int first = slipway.adminApi().get("/api/apps/" + other + "/releases").json().get(0).get("version").asInt();
		slipway.adminApi().patch("/api/apps/" + other + "/config-vars", Map.of("MODE", "second", "EXTRA", "x"));
		assertThat(RouterClient.get(other + ".localhost", "/env/MODE", null).body()).isEqualTo("second");

		assertThat(slipway.adminApi().post("/api/apps/" + other + "/releases/" + first + "/rollback", Map.of()).status())
			.isEqualTo(201);
		assertThat(RouterClient.get(other + ".localhost", "/env/MODE", null).body()).isEqualTo("first");
		JsonNode config = slipway.adminApi().get("/api/apps/" + other + "/config-vars").json();
		assertThat(config.get("MODE").asString()).isEqualTo("first");
		assertThat(config.has("EXTRA")).isFalse();
	}

	private static void assertRefused(Map<String, Object> change, int status, String code) {
		Http.Response response = slipway.adminApi().patch("/api/apps/" + app + "/config-vars", change);
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}

	private static List<JsonNode> releases() {
		return slipway.adminApi().get("/api/apps/" + app + "/releases").json().valueStream().toList();
	}

	private static void awaitRollout(Http browser) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Http.Response status = browser.get("/apps/" + app + "/config-vars/status");
			if (status.status() == 200 && !status.json().get("state").asString().equals("restarting")) {
				assertThat(status.json().get("state").asString()).as(status.toString()).isEqualTo("done");
				return;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("The config change did not finish rolling out");
	}

}
