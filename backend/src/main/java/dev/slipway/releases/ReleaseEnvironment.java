package dev.slipway.releases;

import java.util.HashMap;
import java.util.Map;

import dev.slipway.database.DatabaseUrl;

/**
 * The environment of a release's dynos: its config vars, and for JVM apps the JDBC forms of
 * {@code DATABASE_URL} that Heroku's Java buildpack provides (Spring's only where the app set none).
 */
final class ReleaseEnvironment {

	private ReleaseEnvironment() {
	}

	static Map<String, String> of(Map<String, String> config, boolean jvm) {
		Map<String, String> env = new HashMap<>(config);
		String databaseUrl = config.get("DATABASE_URL");
		if (!jvm || databaseUrl == null) {
			return env;
		}
		DatabaseUrl database;
		try {
			database = DatabaseUrl.parse(databaseUrl);
		}
		catch (IllegalArgumentException notPostgres) {
			return env;
		}
		env.put("JDBC_DATABASE_URL", database.toJdbcUriWithCredentials());
		env.put("JDBC_DATABASE_USERNAME", database.username());
		env.put("JDBC_DATABASE_PASSWORD", database.password());
		env.putIfAbsent("SPRING_DATASOURCE_URL", database.jdbcUrl());
		env.putIfAbsent("SPRING_DATASOURCE_USERNAME", database.username());
		env.putIfAbsent("SPRING_DATASOURCE_PASSWORD", database.password());
		return env;
	}

}
