package dev.slipway.addons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.slipway.database.DatabaseUrl;
import dev.slipway.test.DockerCli;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At start Slipway drops the databases and roles no add-on owns (what a deletion that crashed after
 * its commit leaves) and confines every add-on's role as its settings say, older ones included.
 */
class AddonServerRestartIT {

	private static final String LEFT_BEHIND = "addon_00000000deadbeef";

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aRestartDropsWhatNoAddonOwnsAndConfinesTheRest() throws SQLException, IOException {
		String app = slipway.createApp("pg-settle");
		Http.Response provisioned = slipway.adminApi().post("/api/apps/" + app + "/addons", Map.of("plan", "postgresql"));
		assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(201);
		String role = DatabaseUrl
			.parse(slipway.adminApi().get("/api/apps/" + app + "/config-vars").json().get("DATABASE_URL").asString())
			.username();
		superuser("CREATE ROLE " + LEFT_BEHIND + " LOGIN PASSWORD 'left'", "CREATE DATABASE " + LEFT_BEHIND + " OWNER " + LEFT_BEHIND,
				"ALTER ROLE \"" + role + "\" CONNECTION LIMIT -1", "GRANT CONNECT ON DATABASE postgres TO PUBLIC");

		slipway.restart();

		assertThat(superuserNames("select datname from pg_database")).doesNotContain(LEFT_BEHIND);
		assertThat(superuserNames("select rolname from pg_roles")).doesNotContain(LEFT_BEHIND).contains(role);
		assertThat(superuserNames("select rolconnlimit from pg_roles where rolname = '" + role + "'")).containsExactly("20");
		assertThat(superuserNames("select has_database_privilege('" + role + "', 'postgres', 'CONNECT')"))
			.containsExactly("f");
	}

	private static void superuser(String... statements) throws SQLException, IOException {
		try (Connection connection = connectAsSuperuser(); Statement sql = connection.createStatement()) {
			for (String statement : statements) {
				sql.execute(statement);
			}
		}
	}

	private static List<String> superuserNames(String query) throws SQLException, IOException {
		List<String> names = new ArrayList<>();
		try (Connection connection = connectAsSuperuser(); Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	/** As Slipway does: the superuser, whose password Slipway keeps in its data directory. */
	private static Connection connectAsSuperuser() throws SQLException, IOException {
		String password = Files.readString(Path.of("target", SlipwayUnderTest.INSTANCE + "-data", "addon-postgres-password")).strip();
		String container = SlipwayUnderTest.INSTANCE + "-addon-postgres";
		String ip = DockerCli.run("inspect", "--format",
				"{{(index .NetworkSettings.Networks \"" + SlipwayUnderTest.INSTANCE + "-addons\").IPAddress}}", container)
			.strip();
		DatabaseUrl url = new DatabaseUrl(ip, 5432, "postgres", "postgres", password);
		return DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
	}

}
