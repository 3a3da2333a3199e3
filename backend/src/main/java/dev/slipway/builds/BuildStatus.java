package dev.slipway.builds;

public enum BuildStatus {

	PENDING, BUILDING, SUCCEEDED, FAILED, CANCELLED;

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

}
