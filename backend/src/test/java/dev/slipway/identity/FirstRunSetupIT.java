package dev.slipway.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.test.Http;
import dev.slipway.test.OutsideAddress;
import dev.slipway.test.SlipwayProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new installation, no account yet, reached over the machine's own network (eth0's address, not loopback):
 * the first visitor cannot claim it without the one-time setup code, and can with the code Slipway printed
 * in its log.
 */
class FirstRunSetupIT {

	private static final Pattern SETUP_CODE = Pattern.compile("First-run setup code: ([a-z0-9-]+)");

	@Test
	void aRemoteFirstVisitorNeedsTheSetupCodeFromTheLog() {
		try (SlipwayProcess slipway = SlipwayProcess.firstRun()) {
			assertThat(Http.browser(slipway.baseUrl()).get("/setup").body()).as("on this machine no code is asked")
				.doesNotContain("name=\"setupCode\"");
			Http remote = Http.browser(OutsideAddress.of(slipway.baseUrl()));
			assertThat(remote.get("/login").header("Location")).endsWith("/setup");
			assertThat(remote.get("/setup").body()).contains("name=\"setupCode\"");

			Map<String, String> admin = Map.of("email", "first@slipway.test", "password", "first-admin-pw",
					"passwordConfirmation", "first-admin-pw");
			Http.Response withoutCode = remote.submitForm("/setup", "/setup", admin);
			assertThat(withoutCode.status()).isEqualTo(403);
			assertThat(withoutCode.body()).contains("needs the one-time setup code that Slipway printed in its log");
			Http.Response wrongCode = remote.submitForm("/setup", "/setup", with(admin, "abcde-fghjk-mnpqr"));
			assertThat(wrongCode.status()).isEqualTo(403);
			assertThat(wrongCode.body()).contains("That is not the setup code");
			assertThat(remote.get("/apps").header("Location")).as("nobody signed in").endsWith("/login");

			Http.Response withCode = remote.submitForm("/setup", "/setup", with(admin, setupCode(slipway.log())));
			assertThat(withCode.status()).isEqualTo(302);
			assertThat(withCode.header("Location")).endsWith("/apps");
			assertThat(remote.get("/apps").status()).as("the new admin is signed in").isEqualTo(200);
			assertThat(Http.basic(slipway.baseUrl(), "first@slipway.test", "first-admin-pw")
				.post("/api/tokens", Map.of("name", "first"))
				.status()).isEqualTo(201);
			assertThat(Http.browser(OutsideAddress.of(slipway.baseUrl())).get("/setup").header("Location"))
				.as("setup is over").endsWith("/login");
		}
	}

	/** The code of the latest start: the log holds every start of the instance. */
	private static String setupCode(String log) {
		Matcher matcher = SETUP_CODE.matcher(log.substring(log.lastIndexOf("--- started at")));
		assertThat(matcher.find()).as("the log prints the setup code").isTrue();
		return matcher.group(1);
	}

	private static Map<String, String> with(Map<String, String> form, String setupCode) {
		Map<String, String> fields = new HashMap<>(form);
		fields.put("setupCode", setupCode);
		return fields;
	}

}
