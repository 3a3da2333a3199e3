package dev.slipway.runtime;

/** The labels that make a container a dyno Slipway can find again after a restart. */
final class DynoLabels {

	static final String INSTANCE = "dev.slipway.instance";

	static final String ROLE = "dev.slipway.role";

	static final String APP = "dev.slipway.app";

	static final String APP_ID = "dev.slipway.app-id";

	static final String RELEASE = "dev.slipway.release";

	static final String PROCESS = "dev.slipway.process";

	static final String DYNO = "dev.slipway.dyno";

	static final String SIZE = "dev.slipway.size";

	/** Dynos of the formation; one-off and release containers are not restarted or routed to. */
	static final String ROLE_DYNO = "dyno";

	static final String ROLE_ONE_OFF = "one-off";

	private DynoLabels() {
	}

}
