package dev.slipway.config;

import java.util.List;
import java.util.Map;

import dev.slipway.errors.SlipwayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigRulesTest {

	@Test
	void keysFollowHerokusSyntax() {
		assertThatCode(() -> ConfigRules.checkKey("DATABASE_URL")).doesNotThrowAnyException();
		assertThatCode(() -> ConfigRules.checkKey("_private9")).doesNotThrowAnyException();
		for (String bad : List.of("", "9LIVES", "WITH-DASH", "WITH SPACE", "ÜBER")) {
			assertThatThrownBy(() -> ConfigRules.checkKey(bad)).isInstanceOfSatisfying(SlipwayException.class,
					ex -> assertThat(ex.code()).isEqualTo("invalid_config_key"));
		}
	}

	@Test
	void keysSlipwaySetsAreReserved() {
		for (String reserved : List.of("PORT", "DYNO", "SLIPWAY_ANYTHING")) {
			assertThatThrownBy(() -> ConfigRules.checkKey(reserved)).isInstanceOfSatisfying(SlipwayException.class,
					ex -> assertThat(ex.code()).isEqualTo("reserved_config_key"));
		}
	}

	@Test
	void anAppHoldsAt32KilobytesOfConfig() {
		assertThatCode(() -> ConfigRules.checkSize(Map.of("A", "x".repeat(32 * 1024 - 1)))).doesNotThrowAnyException();
		assertThatThrownBy(() -> ConfigRules.checkSize(Map.of("A", "x".repeat(32 * 1024))))
			.isInstanceOfSatisfying(SlipwayException.class, ex -> {
				assertThat(ex.code()).isEqualTo("config_too_large");
				assertThat(ex.kind()).isEqualTo(SlipwayException.Kind.TOO_LARGE);
			});
		assertThatThrownBy(() -> ConfigRules.checkValue("A", "nul\0")).hasMessageContaining("NUL");
	}

	@Test
	void releasesAreDescribedAsOnHeroku() {
		assertThat(ConfigService.describe(List.of("FOO", "BAR"), List.of())).isEqualTo("Set FOO, BAR config vars");
		assertThat(ConfigService.describe(List.of(), List.of("FOO"))).isEqualTo("Remove FOO config vars");
		assertThat(ConfigService.describe(List.of("A"), List.of("B"))).isEqualTo("Set A and remove B config vars");
	}

}
