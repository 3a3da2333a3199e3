package dev.slipway.logs;

import java.time.Instant;

/**
 * A line on its way to the store: the app it belongs to and, for lines read from a container, which
 * container and at which Docker timestamp, so the container's cursor moves with it; for a line of
 * the router's access log, the position after its entry, so the access log's cursor moves with it.
 */
record PendingLine(long appId, LogLine line, String containerId, Instant dockerTime, Long routerLogEnd) {

	PendingLine(long appId, LogLine line, String containerId, Instant dockerTime) {
		this(appId, line, containerId, dockerTime, null);
	}

	/** Roughly what the line takes in memory: its characters and the objects around them. */
	long bytes() {
		return bytes(line.process(), line.text());
	}

	/** What a line of this process and text takes, known before it is numbered, so room is taken first. */
	static long bytes(String process, String text) {
		return 2L * (text.length() + process.length()) + 160;
	}

}
