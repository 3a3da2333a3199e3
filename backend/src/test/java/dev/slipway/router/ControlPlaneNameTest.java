package dev.slipway.router;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlPlaneNameTest {

	@Test
	void theFirstLabelOfSlipwaysOwnHostnameUnderTheBaseDomainIsReserved() {
		ControlPlaneName byDefault = new ControlPlaneName(settings(""));
		assertThat(byDefault.reason("slipway")).hasValueSatisfying(reason -> assertThat(reason).contains("slipway.apps.test"));
		assertThat(byDefault.reason("shop")).isEmpty();
		assertThat(new ControlPlaneName(settings("paas.apps.test")).reason("paas")).isPresent();
		assertThat(new ControlPlaneName(settings("paas.example.com")).reason("paas")).isEmpty();
	}

	private static RouterSettings settings(String hostname) {
		return new RouterSettings(80, 443, "apps.test", hostname, Duration.ofSeconds(5), Duration.ofSeconds(30), 100);
	}

}
