package dev.slipway.apps;

import dev.slipway.errors.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppNameTest {

	@ParameterizedTest
	@ValueSource(strings = { "abc", "my-app", "a1", "app-2", "x23456789012345678901234567890" })
	void acceptsHerokuStyleNames(String name) {
		assertThat(AppName.isValid(name)).as(name).isEqualTo(name.length() >= 3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", "My-app", "1app", "app-", "-app", "my_app", "my.app", "x234567890123456789012345678901",
			"app name" })
	void refusesOthersNamingTheRule(String name) {
		assertThatThrownBy(() -> AppName.check(name)).isInstanceOfSatisfying(SlipwayException.class, ex -> {
			assertThat(ex.code()).isEqualTo("invalid_app_name");
			assertThat(ex.kind()).isEqualTo(SlipwayException.Kind.INVALID);
			assertThat(ex.getMessage()).contains(name).contains("3 to 30 characters");
		});
	}

	@Test
	void saysANameIsNeededWhenThereIsNone() {
		assertThatThrownBy(() -> AppName.check(" ")).hasMessageStartingWith("An app needs a name.");
	}

}
