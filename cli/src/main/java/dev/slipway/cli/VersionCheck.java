package dev.slipway.cli;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.semver4j.Semver;

/**
 * Tells the user, once per command, that this CLI is older than the Slipway it talks to, which
 * names its version in the {@value #HEADER} header of every API answer, and how to update.
 */
final class VersionCheck {

	static final String HEADER = "Slipway-Version";

	private static final AtomicBoolean warned = new AtomicBoolean();

	private VersionCheck() {
	}

	/** Called with every answer of the API: warns on standard error the first time it is older. */
	static void check(HttpResponse<?> response) {
		Optional<String> warning = response.headers()
			.firstValue(HEADER)
			.flatMap(server -> warning(CliVersion.version(), server, response.uri()));
		if (warning.isPresent() && warned.compareAndSet(false, true)) {
			System.err.println(warning.get());
		}
	}

	/**
	 * The warning when {@code cli} is an older version than {@code server}; none when either is not a
	 * version (a build run from an IDE says "development").
	 */
	static Optional<String> warning(String cli, String server, URI answered) {
		Semver cliVersion = Semver.parse(cli);
		Semver serverVersion = Semver.parse(server);
		if (cliVersion == null || serverVersion == null || !cliVersion.isLowerThan(serverVersion)) {
			return Optional.empty();
		}
		String slipway = answered.getScheme() + "://" + answered.getRawAuthority();
		return Optional.of("Warning: this slipway command is " + cli + ", older than the Slipway at " + slipway
				+ " (" + server + "); update it with: curl -fsSL " + slipway + "/cli/install.sh | sh");
	}

}
