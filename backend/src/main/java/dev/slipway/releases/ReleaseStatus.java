package dev.slipway.releases;

public enum ReleaseStatus {

	/** Created; its release phase or rollout is under way. */
	PENDING,
	/** Rolled out; the newest succeeded release is the one running. */
	SUCCEEDED,
	/** Its release phase or its dynos failed; it never served. */
	FAILED

}
