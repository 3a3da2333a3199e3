package dev.slipway.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.slipway.errors.SlipwayException;

/** What a config var may be: Heroku's key syntax, keys Slipway sets itself, 32 kB per app. */
final class ConfigRules {

	static final Pattern KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

	static final Set<String> RESERVED = Set.of("PORT", "DYNO");

	static final String RESERVED_PREFIX = "SLIPWAY_";

	static final int MAX_BYTES = 32 * 1024;

	private ConfigRules() {
	}

	static void checkKey(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw SlipwayException.invalid("invalid_config_key", "'" + key + "' is not a valid config var key: keys are "
					+ "letters, digits and underscores, and do not start with a digit (like DATABASE_URL).");
		}
		if (RESERVED.contains(key) || key.startsWith(RESERVED_PREFIX)) {
			throw SlipwayException.invalid("reserved_config_key", key + " is reserved: Slipway sets PORT and DYNO for "
					+ "every dyno, and keys starting with SLIPWAY_ are its own.");
		}
	}

	static void checkValue(String key, String value) {
		if (value.indexOf('\0') >= 0) {
			throw SlipwayException.invalid("invalid_config_value",
					"The value of " + key + " holds a NUL character, which no process environment can carry.");
		}
	}

	static void checkSize(Map<String, String> config) {
		int bytes = config.entrySet()
			.stream()
			.mapToInt(entry -> entry.getKey().getBytes(StandardCharsets.UTF_8).length
					+ entry.getValue().getBytes(StandardCharsets.UTF_8).length)
			.sum();
		if (bytes > MAX_BYTES) {
			throw new SlipwayException(SlipwayException.Kind.TOO_LARGE, "config_too_large", "Config vars may hold "
					+ MAX_BYTES / 1024 + " kB per app (keys and values); this change would make " + bytes + " bytes.");
		}
	}

}
