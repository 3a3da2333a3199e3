package dev.slipway.cli;

/** A failure the user can act on: its message is printed alone on stderr and the command exits 1. */
final class CliException extends RuntimeException {

	CliException(String message) {
		super(message);
	}

}
