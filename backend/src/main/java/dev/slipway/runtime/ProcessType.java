package dev.slipway.runtime;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The process types that mean something to Slipway itself, as they do to Heroku, and the rule every
 * process type name follows wherever it enters (Procfile, app.json, the API).
 */
public final class ProcessType {

	/** The one process type the router sends requests to; its dynos must pass the boot check. */
	public static final String WEB = "web";

	/** The Procfile's release phase: run once per release before its dynos boot, never scaled. */
	public static final String RELEASE = "release";

	/**
	 * Long enough for any real name; short enough that a dyno's host name ({@code <type>-<index>}, at
	 * most 63 characters) and its name in log lines ({@code <type>.<index>}) always fit.
	 */
	public static final int MAX_LENGTH = 30;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	/** The rule in words, for refusals. */
	public static final String RULE = "letters, digits, '_' and '-', starting with a letter or digit, at most "
			+ MAX_LENGTH + " characters";

	private ProcessType() {
	}

	/** Why {@code name} is not a process type name, or empty when it is one. */
	public static Optional<String> problem(String name) {
		if (name == null || name.isEmpty()) {
			return Optional.of("A process type needs a name (" + RULE + ").");
		}
		if (name.length() > MAX_LENGTH) {
			return Optional.of("The process type '" + name.substring(0, MAX_LENGTH) + "…' is " + name.length()
					+ " characters long; process types have at most " + MAX_LENGTH + ".");
		}
		if (!NAME.matcher(name).matches()) {
			return Optional.of("'" + name + "' is not a process type name: " + RULE + ".");
		}
		return Optional.empty();
	}

}
