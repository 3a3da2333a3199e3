package dev.slipway.docker;

/** Docker reported an error while building an image; the message is Docker's own. */
public class ImageBuildFailed extends RuntimeException {

	public ImageBuildFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
