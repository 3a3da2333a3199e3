package dev.slipway.identity;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.slipway.test.EventStreamClient;
import dev.slipway.test.Http;
import dev.slipway.test.OtherUser;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password change signs out the user's other dashboard sessions (whoever knew the old password may hold
 * one), at their next request and in their open streams, while the session that changed it stays signed in
 * and the user's API tokens keep working.
 */
class PasswordChangeIT {

	private final SlipwayUnderTest slipway = SlipwayUnderTest.shared();

	@Test
	void changingThePasswordSignsOutTheOtherSessionsOnly() throws InterruptedException {
		OtherUser user = OtherUser.create(slipway, "password");
		String app = "pw-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(user.api().post("/api/apps", Map.of("name", app)).status()).isEqualTo(201);
		Http stolen = user.browser();
		Http watching = signIn(user.email(), user.password());
		Http own = signIn(user.email(), user.password());
		assertThat(stolen.get("/apps").status()).isEqualTo(200);

		String changes = "/apps/" + app + "/parts/changes?dynos=0";
		try (EventStreamClient stolenStream = EventStreamClient.connect(watching.client(), watching.url(changes), null);
				EventStreamClient ownStream = EventStreamClient.connect(own.client(), own.url(changes), null)) {
			String newPassword = "new-" + UUID.randomUUID();
			Http.Response changed = own.submitForm("/account", "/account/password", Map.of("currentPassword",
					user.password(), "newPassword", newPassword, "newPasswordConfirmation", newPassword));
			assertThat(changed.status()).isEqualTo(302);
			assertThat(changed.header("Location")).endsWith("/account");

			assertThat(stolenStream.awaitEnd(Duration.ofSeconds(10))).as("another session's stream ends").isTrue();
			Http.Response signedOut = stolen.get("/apps");
			assertThat(signedOut.status()).isEqualTo(302);
			assertThat(signedOut.header("Location")).endsWith("/login?password-changed");
			assertThat(stolen.get("/login?password-changed").body()).contains("Your password was changed in another session");
			assertThat(stolen.get("/apps/" + app).header("Location")).endsWith("/login");

			assertThat(own.get("/account").body()).contains("Password changed. Your other sessions are signed out");
			assertThat(own.get("/apps/" + app).status()).isEqualTo(200);
			assertThat(ownStream.awaitEnd(Duration.ofSeconds(5))).as("the changing session's stream goes on").isFalse();
			assertThat(user.api().get("/api/apps/" + app).status()).as("API tokens stay valid").isEqualTo(200);

			assertThat(watching.get("/apps").header("Location")).endsWith("/login");

			Http again = Http.browser(slipway.baseUrl());
			assertThat(again.submitForm("/login", "/login", Map.of("email", user.email(), "password", user.password()))
				.header("Location")).endsWith("/login?error");
			assertThat(signIn(user.email(), newPassword).get("/apps").status()).isEqualTo(200);
		}
		finally {
			user.api().delete("/api/apps/" + app);
		}
	}

	private Http signIn(String email, String password) {
		Http browser = Http.browser(slipway.baseUrl());
		assertThat(browser.submitForm("/login", "/login", Map.of("email", email, "password", password)).header("Location"))
			.endsWith("/apps");
		return browser;
	}

}
