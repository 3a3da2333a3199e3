package dev.slipway.runtime;

/** How a new web dyno's boot ended: up, or not up and why, in words for the push output. */
sealed interface BootOutcome {

	BootOutcome UP = new Up();

	record Up() implements BootOutcome {
	}

	record Failed(String reason) implements BootOutcome {
	}

}
