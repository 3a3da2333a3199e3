package dev.slipway.runtime;

import java.util.Locale;

/** A dyno's state as the app page shows it. */
public enum DynoState {

	STARTING, UP, CRASHED, STOPPING;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
