package dev.slipway.test;

import java.util.Map;
import java.util.UUID;

/**
 * A user who is not an admin, made by the admin, with an API token and a browser session of their own:
 * the tenant who tries what other tenants' apps are closed to.
 */
public record OtherUser(String email, String password, String token, Http api, Http browser) {

	public static OtherUser create(SlipwayUnderTest slipway, String prefix) {
		String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@slipway.test";
		String password = "pw-" + UUID.randomUUID();
		Http.Response created = slipway.adminApi().post("/api/users", Map.of("email", email, "password", password));
		if (created.status() != 201) {
			throw new IllegalStateException("Cannot create the user " + email + ": " + created);
		}
		Http.Response token = Http.basic(slipway.baseUrl(), email, password).post("/api/tokens", Map.of("name", "tests"));
		if (token.status() != 201) {
			throw new IllegalStateException("Cannot create a token for " + email + ": " + token);
		}
		Http browser = Http.browser(slipway.baseUrl());
		Http.Response login = browser.submitForm("/login", "/login", Map.of("email", email, "password", password));
		if (login.status() != 302 || login.header("Location").contains("error")) {
			throw new IllegalStateException("Cannot log in as " + email + ": " + login);
		}
		String secret = token.json().get("token").asString();
		return new OtherUser(email, password, secret, Http.api(slipway.baseUrl(), secret), browser);
	}

}
