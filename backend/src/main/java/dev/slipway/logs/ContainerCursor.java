package dev.slipway.logs;

import java.time.Instant;

/**
 * How far a container's Docker log is stored: the timestamp of the last stored line and how many
 * stored lines carry exactly that timestamp, so reading again from that second skips just those.
 */
record ContainerCursor(Instant lastAt, int linesAtLast) {

	static final ContainerCursor START = new ContainerCursor(Instant.EPOCH, 0);

	/** The cursor after one more line read at {@code at}; Docker's times only go forward, and so does this. */
	ContainerCursor advance(Instant at) {
		if (at.isBefore(lastAt)) {
			return this;
		}
		return at.equals(lastAt) ? new ContainerCursor(at, linesAtLast + 1) : new ContainerCursor(at, 1);
	}

	String stored() {
		return lastAt.getEpochSecond() + "." + String.format("%09d", lastAt.getNano());
	}

	static ContainerCursor parse(String stored, int linesAtLast) {
		String[] parts = stored.split("\\.");
		return new ContainerCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), linesAtLast);
	}

}
