package dev.slipway.runtime;

import java.time.Instant;

/** What Slipway knows of one dyno container, kept up to date from Docker's events. */
final class TrackedDyno {

	final String containerId;

	final long appId;

	final String app;

	final String processType;

	final int index;

	final int release;

	final String size;

	volatile String address;

	volatile DynoState state;

	volatile Instant since;

	volatile int restarts;

	volatile Integer exitCode;

	volatile boolean retiring;

	TrackedDyno(String containerId, long appId, String app, String processType, int index, int release, String size,
			DynoState state) {
		this.containerId = containerId;
		this.appId = appId;
		this.app = app;
		this.processType = processType;
		this.index = index;
		this.release = release;
		this.size = size;
		this.state = state;
		this.since = Instant.now();
	}

	String name() {
		return processType + "." + index;
	}

	Dyno view() {
		return new Dyno(name(), processType, index, release, state, since, restarts, size, exitCode);
	}

}
