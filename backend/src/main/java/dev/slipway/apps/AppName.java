package dev.slipway.apps;

import java.util.regex.Pattern;

import dev.slipway.errors.SlipwayException;

/** App names, as Heroku's: they become a host name, a git path and part of Docker resource names. */
public final class AppName {

	public static final String PATTERN = "^[a-z][a-z0-9-]{1,28}[a-z0-9]$";

	public static final String RULE = "App names have 3 to 30 characters: lowercase letters, digits and dashes, "
			+ "starting with a letter and ending with a letter or digit (like my-app-2).";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	private AppName() {
	}

	public static boolean isValid(String name) {
		return name != null && VALID.matcher(name).matches();
	}

	static String check(String name) {
		if (name == null || name.isBlank()) {
			throw SlipwayException.invalid("invalid_app_name", "An app needs a name. " + RULE);
		}
		if (!isValid(name)) {
			throw SlipwayException.invalid("invalid_app_name", "'" + name + "' is not a valid app name. " + RULE);
		}
		return name;
	}

}
