package dev.slipway.runtime;

/** A release could not be rolled out; the message says why, with the dyno's last output where it helps. */
public class DeployFailed extends RuntimeException {

	public DeployFailed(String message) {
		super(message);
	}

}
