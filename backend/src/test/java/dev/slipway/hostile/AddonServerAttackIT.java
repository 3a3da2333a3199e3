package dev.slipway.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.slipway.database.DatabaseUrl;
import dev.slipway.test.Http;
import dev.slipway.test.OtherUser;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tenant with its app's DATABASE_URL attacks the shared add-on server: other databases, the
 * server's own, enumeration, connection exhaustion and endless queries. It connects from here, at
 * the server's address on Slipway's network, with exactly the credentials its dynos get.
 */
class AddonServerAttackIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void anAddonRoleConnectsToItsOwnDatabaseOnly() throws SQLException {
		String attacker = slipway.createApp("pg-attacker");
		String victim = slipway.createApp("pg-victim");
		DatabaseUrl mine = slipway.provisionDatabase(attacker);
		DatabaseUrl theirs = slipway.provisionDatabase(victim);

		for (String database : List.of("postgres", "template1", theirs.database())) {
			assertThatThrownBy(() -> connect(mine, database).close()).as(database)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied for database");
		}
		try (Connection own = connect(mine, mine.database()); Statement sql = own.createStatement()) {
			List<String> names = new ArrayList<>(strings(sql, "select datname from pg_database"));
			names.addAll(strings(sql, "select rolname from pg_roles where rolname not like 'pg\\_%'"));
			assertThat(names).contains(mine.database(), theirs.database())
				.noneMatch(name -> name.contains("attacker") || name.contains("victim"))
				.allMatch(name -> name.matches("addon_[0-9a-f]{16}|postgres|template[01]"));
		}
	}

	@Test
	void oneAppCannotTakeEveryConnectionOfTheServer() throws SQLException {
		DatabaseUrl greedy = slipway.provisionDatabase(slipway.createApp("pg-greedy"));
		DatabaseUrl other = slipway.provisionDatabase(slipway.createApp("pg-other"));
		List<Connection> held = new ArrayList<>();
		try {
			held.add(connect(greedy, greedy.database()));
			int limit;
			try (Statement sql = held.get(0).createStatement()) {
				limit = Integer.parseInt(strings(sql, "select rolconnlimit from pg_roles where rolname = current_user").get(0));
			}
			assertThat(limit).isPositive();
			while (held.size() < limit) {
				held.add(connect(greedy, greedy.database()));
			}
			assertThatThrownBy(() -> connect(greedy, greedy.database()).close()).isInstanceOf(SQLException.class)
				.hasMessageContaining("too many connections for role");
			try (Connection stillServed = connect(other, other.database())) {
				assertThat(stillServed.isValid(2)).isTrue();
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

	/**
	 * One user with many apps: past five add-ons (the default of SLIPWAY_ADDONS_MAX_PER_USER) Slipway refuses
	 * more, so all the connections their add-ons may hold together are a part of the server's, which keeps
	 * room for every add-on it has; holding every one of them, another user's app is still served.
	 */
	@Test
	void oneUserCannotTakeEveryConnectionOfTheServer() throws SQLException {
		OtherUser hoarder = OtherUser.create(slipway, "pg-hoarder");
		List<String> apps = List.of(app(hoarder, "pg-hoard-a"), app(hoarder, "pg-hoard-b"));
		List<DatabaseUrl> hoarded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String app = apps.get(i % 2);
			Http.Response provisioned = hoarder.api()
				.post("/api/apps/" + app + "/addons", Map.of("plan", "postgresql", "name", "db" + i));
			assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(201);
			hoarded.add(slipway.reachable(DatabaseUrl.parse(hoarder.api()
				.get("/api/apps/" + app + "/config-vars")
				.json()
				.get("DB" + i + "_DATABASE_URL")
				.asString())));
		}
		for (String app : List.of(apps.get(0), app(hoarder, "pg-hoard-c"))) {
			Http.Response refused = hoarder.api().post("/api/apps/" + app + "/addons", Map.of("plan", "postgresql"));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.json().get("code").asString()).isEqualTo("addon_limit_reached");
			assertThat(refused.json().get("detail").asString()).contains("has 5 Postgres add-ons, as many as one user may")
				.contains("SLIPWAY_ADDONS_MAX_PER_USER");
		}
		assertThat(hoarder.api().get("/api/apps/" + apps.get(0) + "/addons").json()).hasSize(3);

		DatabaseUrl other = slipway.provisionDatabase(slipway.createApp("pg-bystander"));
		List<Connection> held = new ArrayList<>();
		try {
			for (DatabaseUrl url : hoarded) {
				while (true) {
					try {
						held.add(connect(url, url.database()));
					}
					catch (SQLException ex) {
						assertThat(ex.getMessage()).contains("too many connections for role");
						break;
					}
				}
			}
			try (Connection stillServed = connect(other, other.database()); Statement sql = stillServed.createStatement()) {
				assertThat(stillServed.isValid(2)).isTrue();
				int maxConnections = Integer.parseInt(strings(sql, "show max_connections").get(0));
				int reserved = Integer.parseInt(strings(sql, "show superuser_reserved_connections").get(0));
				int promised = Integer.parseInt(strings(sql, "select sum(rolconnlimit) from pg_roles where rolname like 'addon\\_%'").get(0));
				assertThat(held).as("all the hoarder's add-ons may hold").hasSize(5 * 20);
				assertThat(promised).as("every add-on's limit together, within the server's").isLessThanOrEqualTo(maxConnections - reserved);
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

	@Test
	void aQueryWithoutEndIsCancelledAtTheStatementTimeout() throws SQLException {
		DatabaseUrl url = slipway.provisionDatabase(slipway.createApp("pg-sleeper"));
		try (Connection connection = connect(url, url.database()); Statement sql = connection.createStatement()) {
			assertThat(strings(sql, "show statement_timeout")).containsExactly("3s");
			assertThatThrownBy(() -> sql.execute("select pg_sleep(600)")).isInstanceOf(SQLException.class)
				.hasMessageContaining("canceling statement due to statement timeout");
		}
	}

	private static String app(OtherUser owner, String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
		Http.Response created = owner.api().post("/api/apps", Map.of("name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return name;
	}

	private static Connection connect(DatabaseUrl url, String database) throws SQLException {
		DatabaseUrl target = new DatabaseUrl(url.host(), url.port(), database, url.username(), url.password());
		return DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
	}

	private static List<String> strings(Statement sql, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
