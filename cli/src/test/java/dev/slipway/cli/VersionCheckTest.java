package dev.slipway.cli;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionCheckTest {

	private static final URI ANSWERED = URI.create("https://slipway.example.com:8443/api/apps?x=1");

	@Test
	void anOlderCliIsToldHowToUpdateFromTheSlipwayItTalksTo() {
		assertThat(VersionCheck.warning("0.1.0", "0.2.0", ANSWERED)).hasValue(
				"Warning: this slipway command is 0.1.0, older than the Slipway at https://slipway.example.com:8443 "
						+ "(0.2.0); update it with: curl -fsSL https://slipway.example.com:8443/cli/install.sh | sh");
	}

	@Test
	void aSnapshotIsOlderThanItsRelease() {
		assertThat(VersionCheck.warning("0.1.0-SNAPSHOT", "0.1.0", ANSWERED)).isPresent();
		assertThat(VersionCheck.warning("0.9.0", "0.10.0", ANSWERED)).isPresent();
	}

	@Test
	void theSameOrANewerCliSaysNothing() {
		assertThat(VersionCheck.warning("0.1.0-SNAPSHOT", "0.1.0-SNAPSHOT", ANSWERED)).isEmpty();
		assertThat(VersionCheck.warning("0.2.0", "0.1.0", ANSWERED)).isEmpty();
		assertThat(VersionCheck.warning("0.10.0", "0.9.0", ANSWERED)).isEmpty();
	}

	@Test
	void aBuildWithoutAVersionComparesWithNothing() {
		assertThat(VersionCheck.warning("development", "0.2.0", ANSWERED)).isEmpty();
		assertThat(VersionCheck.warning("0.1.0", "development", ANSWERED)).isEmpty();
	}

}
