package dev.slipway.distribution.web;

import dev.slipway.errors.SlipwayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliDownloadsTest {

	private final CliDownloads downloads = new CliDownloads();

	@Test
	void theInstallScriptDownloadsFromTheAddressItWasFetchedBy() {
		assertThat(downloads.installScript("https://slipway.example.com:8443/"))
			.startsWith("#!/bin/sh")
			.contains("server='https://slipway.example.com:8443'\n")
			.contains("\"$server/cli/slipway.jar\"")
			.doesNotContain("@SLIPWAY_URL@");
		assertThat(downloads.installScript("http://[::1]:8080")).contains("server='http://[::1]:8080'\n");
	}

	@Test
	void anAddressAShellCouldMisreadIsRefused() {
		for (String address : new String[] { "http://evil'$(id)", "http://host/`id`", "file:///etc", "http://a b" }) {
			assertThatThrownBy(() -> downloads.installScript(address)).isInstanceOf(SlipwayException.class)
				.hasMessageContaining("/cli/install.sh");
		}
	}

}
