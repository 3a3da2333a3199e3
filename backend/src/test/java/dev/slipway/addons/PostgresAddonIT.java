package dev.slipway.addons;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import dev.slipway.database.DatabaseUrl;
import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Postgres add-ons from app.json and the API: DATABASE_URL works, JDBC works, and apps cannot reach each other's data. */
class PostgresAddonIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void anAppJsonAddonGivesTheAppADatabaseItWritesAndReadsThroughDatabaseUrl() {
		String app = slipway.createApp("pg-node");
		GitProject.Push push = GitProject.sample("node-postgres").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		assertThat(push.output()).contains("Setting config vars from app.json: SESSION_SECRET, GREETING")
			.contains("Provisioned PostgreSQL as DATABASE_URL")
			.contains("Running the postdeploy script from app.json")
			.contains("postdeploy ran with postgres://");

		assertThat(RouterClient.get(app + ".localhost", "/db", null).body()).isEqualTo("visits=1\n");
		assertThat(RouterClient.get(app + ".localhost", "/db", null).body()).isEqualTo("visits=2\n");
		JsonNode config = config(app);
		assertThat(config.get("DATABASE_URL").asString()).startsWith("postgres://").contains("@" + SlipwayUnderTest.INSTANCE + "-addon-postgres:5432/");
		assertThat(config.get("SESSION_SECRET").asString()).matches("[0-9a-f]{64}");
		assertThat(config.get("GREETING").asString()).isEqualTo("hello from app.json");
		assertThat(slipway.adminApi().get("/api/apps/" + app + "/addons").json().get(0).get("config_var").asString())
			.isEqualTo("DATABASE_URL");
	}

	@Test
	void aJvmAppConnectsWithJdbcDatabaseUrl() {
		String app = slipway.createApp("pg-java");
		GitProject.Push push = GitProject.sample("java-postgres").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		String role = DatabaseUrl.parse(config(app).get("DATABASE_URL").asString()).username();
		assertThat(RouterClient.get(app + ".localhost", "/db", null).body()).isEqualTo("jdbc visits=1 user=" + role + "\n");
	}

	@Test
	void oneAppsCredentialsCannotOpenAnotherAppsDatabase() throws SQLException {
		String first = slipway.createApp("pg-a");
		String second = slipway.createApp("pg-b");
		provision(first, null);
		provision(second, null);
		DatabaseUrl a = reachable(DatabaseUrl.parse(config(first).get("DATABASE_URL").asString()));
		DatabaseUrl b = reachable(DatabaseUrl.parse(config(second).get("DATABASE_URL").asString()));

		try (Connection own = DriverManager.getConnection(a.jdbcUrl(), a.username(), a.password())) {
			assertThat(own.isValid(2)).isTrue();
		}
		assertThatThrownBy(() -> DriverManager.getConnection(b.jdbcUrl(), a.username(), a.password()).close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("permission denied for database");
	}

	@Test
	void aSecondAddonHasItsOwnVarAndDeprovisioningDropsItsDatabaseAfterConfirmation() {
		String app = slipway.createApp("pg-two");
		assertThat(GitProject.sample("procfile").push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		provision(app, null);
		Http.Response second = provision(app, "analytics");
		assertThat(second.json().get("config_var").asString()).isEqualTo("ANALYTICS_DATABASE_URL");
		assertThat(RouterClient.get(app + ".localhost", "/env/ANALYTICS_DATABASE_URL", null).body()).startsWith("postgres://");
		JsonNode releases = slipway.adminApi().get("/api/apps/" + app + "/releases").json();
		assertThat(releases.get(0).get("description").asString()).isEqualTo("Attach ANALYTICS (postgresql)");
		DatabaseUrl analytics = reachable(DatabaseUrl.parse(config(app).get("ANALYTICS_DATABASE_URL").asString()));

		Http.Response unconfirmed = slipway.adminApi().delete("/api/apps/" + app + "/addons/ANALYTICS");
		assertThat(unconfirmed.status()).isEqualTo(400);
		assertThat(unconfirmed.json().get("code").asString()).isEqualTo("confirmation_required");
		assertThat(slipway.adminApi().delete("/api/apps/" + app + "/addons/ANALYTICS?confirm=" + app).status())
			.isEqualTo(204);
		assertThat(config(app).has("ANALYTICS_DATABASE_URL")).isFalse();
		assertThat(config(app).has("DATABASE_URL")).isTrue();
		assertThatThrownBy(() -> DriverManager.getConnection(analytics.jdbcUrl(), analytics.username(), analytics.password()).close())
			.isInstanceOf(SQLException.class);
	}

	@Test
	void aFirstPushMissingARequiredVarIsRefusedNamingIt() {
		String app = slipway.createApp("pg-required");
		GitProject project = GitProject.sample("procfile")
			.write("app.json", "{\"env\": {\"API_KEY\": {\"description\": \"The partner API key\", \"required\": true}}}")
			.commit("needs a key");
		GitProject.Push refused = project.push(slipway, app, slipway.adminToken());
		assertThat(refused.succeeded()).isFalse();
		assertThat(refused.output()).contains("app.json requires config vars that are not set: API_KEY (The partner API key)");

		slipway.adminApi().patch("/api/apps/" + app + "/config-vars", Map.of("API_KEY", "k-123"));
		assertThat(project.push(slipway, app, slipway.adminToken()).succeeded()).isTrue();
		assertThat(RouterClient.get(app + ".localhost", "/env/API_KEY", null).body()).isEqualTo("k-123");
	}

	private static Http.Response provision(String app, String name) {
		Map<String, String> body = name == null ? Map.of("plan", "postgresql") : Map.of("plan", "postgresql", "name", name);
		Http.Response response = slipway.adminApi().post("/api/apps/" + app + "/addons", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private static JsonNode config(String app) {
		return slipway.adminApi().get("/api/apps/" + app + "/config-vars").json();
	}

	/** The add-on server is reached by name inside app networks; from here, at its address on Slipway's network. */
	private static DatabaseUrl reachable(DatabaseUrl url) {
		String ip = DockerCli.run("inspect", "--format",
				"{{(index .NetworkSettings.Networks \"" + SlipwayUnderTest.INSTANCE + "-addons\").IPAddress}}", url.host());
		return new DatabaseUrl(ip, url.port(), url.database(), url.username(), url.password());
	}

}
