package dev.slipway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.slipway.test.DockerCli;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation end to end: Slipway on the real Docker Engine with its managed PostgreSQL; a user
 * logs in, creates a token, manages apps through the API, and everything survives restarts of the
 * control plane and of its database container.
 */
class FoundationIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void logsInCreatesATokenAndManagesApps() {
		Http browser = Http.browser(slipway.baseUrl());
		Http.Response login = browser.submitForm("/login", "/login",
				Map.of("email", SlipwayUnderTest.ADMIN_EMAIL, "password", SlipwayUnderTest.ADMIN_PASSWORD));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).endsWith("/apps");

		Http.Response account = browser.submitForm("/account", "/account/tokens", Map.of("name", "laptop"));
		assertThat(account.status()).isEqualTo(200);
		String token = account.body().replaceAll("(?s).*data-token=\"(slp_[^\"]+)\".*", "$1");
		assertThat(token).startsWith("slp_").hasSizeGreaterThan(40);

		Http api = Http.api(slipway.baseUrl(), token);
		String name = uniqueName("crud");
		Http.Response created = api.post("/api/apps", Map.of("name", name));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("name").asString()).isEqualTo(name);
		assertThat(created.json().get("git_url").asString()).endsWith("/git/" + name + ".git");
		assertThat(created.header("Location")).endsWith("/api/apps/" + name);

		assertThat(appNames(api)).contains(name);
		assertThat(api.get("/api/apps/" + name).status()).isEqualTo(200);

		assertThat(api.delete("/api/apps/" + name).status()).isEqualTo(204);
		assertThat(api.get("/api/apps/" + name).status()).isEqualTo(404);
		assertThat(appNames(api)).doesNotContain(name);
	}

	@Test
	void refusesBadInputWithSpecificErrorsAndCreatesNothing() {
		Http api = slipway.adminApi();
		int before = appNames(api).size();

		for (String invalid : new String[] { "", "Upper", "1starts-with-digit", "ends-with-dash-", "a",
				"x".repeat(31), "under_score" }) {
			assertProblem(api.post("/api/apps", Map.of("name", invalid)), 400, "invalid_app_name");
		}
		assertProblem(api.post("/api/apps", "{not json"), 400, "invalid_json");

		String name = uniqueName("dup");
		assertThat(api.post("/api/apps", Map.of("name", name)).status()).isEqualTo(201);
		assertProblem(api.post("/api/apps", Map.of("name", name)), 409, "app_name_taken");
		assertThat(appNames(api)).hasSize(before + 1);

		assertProblem(Http.api(slipway.baseUrl(), null).get("/api/apps"), 401, "missing_token");
		assertProblem(Http.api(slipway.baseUrl(), "slp_not-a-real-token").get("/api/apps"), 401, "invalid_token");
		assertProblem(Http.basic(slipway.baseUrl(), SlipwayUnderTest.ADMIN_EMAIL, "wrong-password")
			.post("/api/tokens", Map.of("name", "x")), 401, "wrong_credentials");

		String email = uniqueName("dev") + "@slipway.test";
		assertThat(api.post("/api/users", Map.of("email", email, "password", "another-password")).status())
			.isEqualTo(201);
		String otherToken = Http.basic(slipway.baseUrl(), email, "another-password")
			.post("/api/tokens", Map.of("name", "dev"))
			.json()
			.get("token")
			.asString();
		Http other = Http.api(slipway.baseUrl(), otherToken);
		assertProblem(other.get("/api/apps/" + name), 404, "app_not_found");
		assertProblem(other.delete("/api/apps/" + name), 404, "app_not_found");
		assertProblem(other.post("/api/users", Map.of("email", "x@y.z", "password", "password123")), 403,
				"admin_required");
		assertThat(appNames(other)).doesNotContain(name);
		assertThat(api.get("/api/apps/" + name).status()).isEqualTo(200);
	}

	@Test
	void wrongPasswordOnTheLoginPageSaysSo() {
		Http browser = Http.browser(slipway.baseUrl());
		Http.Response login = browser.submitForm("/login", "/login",
				Map.of("email", SlipwayUnderTest.ADMIN_EMAIL, "password", "not-the-password"));
		assertThat(login.header("Location")).endsWith("/login?error");
		assertThat(browser.get("/login?error").body()).contains("Wrong email or password.");
		assertThat(browser.get("/apps").status()).isEqualTo(302);
	}

	@Test
	void everythingSurvivesRestartsOfSlipwayAndOfItsDatabase() {
		Http api = slipway.adminApi();
		String name = uniqueName("kept");
		assertThat(api.post("/api/apps", Map.of("name", name)).status()).isEqualTo(201);

		slipway.restart();
		Http afterRestart = slipway.adminApi();
		assertThat(appNames(afterRestart)).contains(name);

		DockerCli.run("restart", slipway.databaseContainer());
		assertThat(appNames(slipway.adminApi())).contains(name);
		assertThat(Http.api(slipway.baseUrl(), null).get("/healthz").body()).contains("ok");
	}

	private static void assertProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().get("code").asString()).as(response.toString()).isEqualTo(code);
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}

	private static List<String> appNames(Http api) {
		Http.Response apps = api.get("/api/apps");
		assertThat(apps.status()).as(apps.toString()).isEqualTo(200);
		return apps.json().valueStream().map(app -> app.get("name").asString()).toList();
	}

	static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
