package dev.slipway.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTest {

	@Test
	void readsHerokuUrls() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://app:p%40ss@db.internal:6543/shop");
		assertThat(url).isEqualTo(new DatabaseUrl("db.internal", 6543, "shop", "app", "p@ss"));
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/shop");
	}

	@Test
	void readsJdbcUrlsWithCredentialsInTheQuery() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/shop?user=app&password=secret");
		assertThat(url).isEqualTo(new DatabaseUrl("localhost", 5432, "shop", "app", "secret"));
	}

	@Test
	void writesBothFormsEscapingCredentials() {
		DatabaseUrl url = new DatabaseUrl("db", 5432, "shop", "app", "a b/c@d");
		assertThat(url.toUri()).isEqualTo("postgres://app:a%20b%2Fc%40d@db:5432/shop");
		assertThat(url.toJdbcUriWithCredentials())
			.isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=a%20b%2Fc%40d");
		assertThat(DatabaseUrl.parse(url.toUri())).isEqualTo(url);
	}

	@Test
	void neverShowsThePassword() {
		assertThat(new DatabaseUrl("db", 5432, "shop", "app", "secret").toString()).doesNotContain("secret");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://u:secret@h/db"))
			.withMessageContaining("Not a PostgreSQL URL")
			.withMessageNotContaining("secret");
	}

}
