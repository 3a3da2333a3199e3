package dev.slipway.docker;

/** Docker reported an error while building an image (the message is Docker's own), or time ran out. */
public class ImageBuildFailed extends RuntimeException {

	private final boolean timedOut;

	public ImageBuildFailed(String message, boolean timedOut, Throwable cause) {
		super(message, cause);
		this.timedOut = timedOut;
	}

	public boolean timedOut() {
		return timedOut;
	}

}
