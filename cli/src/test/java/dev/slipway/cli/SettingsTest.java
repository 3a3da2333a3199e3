package dev.slipway.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

	@TempDir
	Path home;

	@Test
	void aUrlIsMadeAbsoluteWithoutItsPath() {
		assertThat(Settings.normalized("slipway.example.com")).isEqualTo(URI.create("https://slipway.example.com/"));
		assertThat(Settings.normalized("http://localhost:8080/apps/x")).isEqualTo(URI.create("http://localhost:8080/"));
		assertThatThrownBy(() -> Settings.normalized("ftp://x")).isInstanceOf(CliException.class);
	}

	@Test
	void theTokenComesFromNetrcForTheHostOrFromTheEnvironment() {
		Settings settings = new Settings(Map.of(), home);
		URI url = URI.create("http://localhost:8080/");
		assertThatThrownBy(() -> settings.token(url)).hasMessageContaining("slipway login");

		settings.netrc().put("localhost", "dev@example.com", "secret");

		assertThat(settings.token(url)).isEqualTo("secret");
		assertThat(new Settings(Map.of(Settings.TOKEN_VARIABLE, "other"), home).token(url)).isEqualTo("other");
	}

	@Test
	void theUrlIsKeptInTheConfigFile() {
		Settings settings = new Settings(Map.of(), home);
		settings.save(new Settings.Config("http://localhost:8080/", null));

		assertThat(settings.url()).isEqualTo(URI.create("http://localhost:8080/"));
		assertThat(new Settings(Map.of(Settings.URL_VARIABLE, "https://other.test"), home).url())
			.isEqualTo(URI.create("https://other.test/"));
	}

}
