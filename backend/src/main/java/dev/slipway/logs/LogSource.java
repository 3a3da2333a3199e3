package dev.slipway.logs;

import java.util.Locale;
import java.util.Optional;

/** Where a log line comes from: the app's own processes, Slipway itself, or the router. */
public enum LogSource {

	APP, SLIPWAY, ROUTER;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<LogSource> of(String label) {
		for (LogSource source : values()) {
			if (source.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
				return Optional.of(source);
			}
		}
		return Optional.empty();
	}

}
