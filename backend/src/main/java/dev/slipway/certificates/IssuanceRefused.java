package dev.slipway.certificates;

import java.time.Instant;

/** The CA did not issue: its reason, and when it said to try again (null: not said, so back off). */
class IssuanceRefused extends Exception {

	private final transient Instant retryAt;

	IssuanceRefused(String reason, Instant retryAt) {
		super(reason);
		this.retryAt = retryAt;
	}

	Instant retryAt() {
		return retryAt;
	}

}
