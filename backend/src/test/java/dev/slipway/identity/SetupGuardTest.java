package dev.slipway.identity;

import java.time.Duration;

import dev.slipway.errors.SlipwayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupGuardTest {

	private final SetupGuard guard = new SetupGuard(
			new AuthenticationThrottle(new AuthLimitSettings(20, 5, Duration.ofMinutes(5), 1000, 50, 50)));

	@Test
	void thisMachineNeedsNoCode() {
		assertThat(guard.codeRequired("127.0.0.1")).isFalse();
		assertThat(guard.codeRequired("0:0:0:0:0:0:0:1")).isFalse();
		guard.check("127.0.0.1", null);
		guard.check("::1", "");
	}

	@Test
	void anotherMachineNeedsTheCodeFromTheLog() {
		assertThat(guard.codeRequired("172.17.0.2")).isTrue();
		assertThatThrownBy(() -> guard.check("172.17.0.2", null)).isInstanceOfSatisfying(SlipwayException.class,
				ex -> assertThat(ex.code()).isEqualTo("setup_code_required"));
		assertThatThrownBy(() -> guard.check("172.17.0.2", "aaaaa-bbbbb-ccccc"))
			.isInstanceOfSatisfying(SlipwayException.class, ex -> assertThat(ex.code()).isEqualTo("wrong_setup_code"));
		guard.check("172.17.0.2", " " + guard.code().toUpperCase() + " ");
	}

	@Test
	void wrongCodesAreThrottledEvenForTheRightOneAfterwards() {
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> guard.check("192.0.2.7", "wrong")).isInstanceOf(SlipwayException.class);
		}
		assertThatThrownBy(() -> guard.check("192.0.2.8", guard.code())).isInstanceOfSatisfying(
				TooManyAttemptsException.class, ex -> assertThat(ex.retryAfterSeconds()).isPositive());
		guard.check("127.0.0.1", null);
	}

}
