package dev.slipway.builds;

/** The build cannot go on; the message tells the user why and, where it can, how to fix it. */
public class BuildFailed extends RuntimeException {

	public BuildFailed(String message) {
		super(message);
	}

	public BuildFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
