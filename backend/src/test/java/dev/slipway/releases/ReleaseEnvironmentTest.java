package dev.slipway.releases;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseEnvironmentTest {

	static final Map<String, String> CONFIG = Map.of("DATABASE_URL", "postgres://role:p%40ss@db:5432/shop", "A", "b");

	@Test
	void jvmAppsGetJdbcFormsOfTheDatabaseUrl() {
		assertThat(ReleaseEnvironment.of(CONFIG, true)).containsEntry("A", "b")
			.containsEntry("JDBC_DATABASE_URL", "jdbc:postgresql://db:5432/shop?user=role&password=p%40ss")
			.containsEntry("JDBC_DATABASE_USERNAME", "role")
			.containsEntry("JDBC_DATABASE_PASSWORD", "p@ss")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/shop")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "role")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "p@ss");
	}

	@Test
	void springSettingsTheAppMadeWin() {
		Map<String, String> config = Map.of("DATABASE_URL", "postgres://r:p@db:5432/shop", "SPRING_DATASOURCE_URL", "mine");
		assertThat(ReleaseEnvironment.of(config, true)).containsEntry("SPRING_DATASOURCE_URL", "mine");
	}

	@Test
	void othersGetTheirConfigAsItIs() {
		assertThat(ReleaseEnvironment.of(CONFIG, false)).isEqualTo(CONFIG);
		assertThat(ReleaseEnvironment.of(Map.of("DATABASE_URL", "mysql://x"), true)).containsOnlyKeys("DATABASE_URL");
	}

}
