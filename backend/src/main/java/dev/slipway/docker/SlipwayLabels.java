package dev.slipway.docker;

/**
 * The labels on everything Slipway creates in Docker: which installation owns it, what it is for,
 * and for dynos which app, release, process and size. They let Slipway find its containers again
 * after a restart, and let features (logs, say) recognise them without knowing each other.
 */
public final class SlipwayLabels {

	/** What every label of Slipway's starts with, the platform images' recipe label included. */
	public static final String PREFIX = "dev.slipway.";

	public static final String INSTANCE = "dev.slipway.instance";

	public static final String ROLE = "dev.slipway.role";

	public static final String APP = "dev.slipway.app";

	public static final String APP_ID = "dev.slipway.app-id";

	public static final String RELEASE = "dev.slipway.release";

	public static final String PROCESS = "dev.slipway.process";

	public static final String DYNO = "dev.slipway.dyno";

	public static final String SIZE = "dev.slipway.size";

	public static final String BUILD = "dev.slipway.build";

	/** A dyno of an app's formation: restarted when it crashes, routed to when it is web. */
	public static final String ROLE_DYNO = "dyno";

	/** A one-off or release-phase container: runs once. */
	public static final String ROLE_ONE_OFF = "one-off";

	public static final String ROLE_ROUTER = "router";

	private SlipwayLabels() {
	}

}
