package dev.slipway.runtime;

/** The process types that mean something to Slipway itself, as they do to Heroku. */
public final class ProcessType {

	/** The one process type the router sends requests to; its dynos must pass the boot check. */
	public static final String WEB = "web";

	/** The Procfile's release phase: run once per release before its dynos boot, never scaled. */
	public static final String RELEASE = "release";

	private ProcessType() {
	}

}
