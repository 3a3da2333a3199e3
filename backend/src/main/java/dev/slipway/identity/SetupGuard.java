package dev.slipway.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

import dev.slipway.errors.SlipwayException;

import org.springframework.stereotype.Component;

/**
 * Who may create the first admin account: anyone on this machine (a browser on localhost), or whoever
 * knows the one-time setup code Slipway prints in its log at start while no account exists. Otherwise
 * the first visitor of port 8080, a container on a Docker network included, would own the installation.
 * Wrong codes count as failed sign-ins, per address and together.
 */
@Component
public class SetupGuard {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final AuthenticationThrottle throttle;

	private final String code;

	SetupGuard(AuthenticationThrottle throttle) {
		this.throttle = throttle;
		SecureRandom random = new SecureRandom();
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 15; i++) {
			code.append(i > 0 && i % 5 == 0 ? "-" : "").append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		this.code = code.toString();
	}

	/** The code, for the log line at start. */
	String code() {
		return code;
	}

	/** Whether a visitor from this address must give the setup code: everyone but this machine. */
	public boolean codeRequired(String remoteAddress) {
		try {
			return !InetAddress.getByName(remoteAddress).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

	/** Refuses the setup unless it comes from this machine or with the right code; throttled like a password. */
	public void check(String remoteAddress, String givenCode) {
		if (!codeRequired(remoteAddress)) {
			return;
		}
		if (givenCode == null || givenCode.isBlank()) {
			throw SlipwayException.forbidden("setup_code_required", "Creating the admin account from another machine "
					+ "needs the one-time setup code that Slipway printed in its log at start ('First-run setup code: …').");
		}
		AuthenticationThrottle.Attempt attempt = throttle.begin(remoteAddress, "first-run setup");
		String normalized = givenCode.strip().toLowerCase(Locale.ROOT);
		if (!MessageDigest.isEqual(normalized.getBytes(StandardCharsets.UTF_8), code.getBytes(StandardCharsets.UTF_8))) {
			throw SlipwayException.forbidden("wrong_setup_code", "That is not the setup code. Copy it from the line "
					+ "'First-run setup code: …' of Slipway's log of its latest start.");
		}
		attempt.succeeded();
	}

}
