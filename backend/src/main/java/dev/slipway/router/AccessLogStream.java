package dev.slipway.router;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.slipway.logs.RouterAccessLog;

/**
 * Turns the output of {@code slipway-router-log} into entries with the log position after each:
 * lines starting with {@code #} are the reader's own ({@code #from N} says where reading goes on),
 * every other line is an entry of the log. An entry longer than {@value #MAX_ENTRY_BYTES} bytes is
 * not one nginx wrote (those are short), so it is skipped, its bytes still counted.
 */
final class AccessLogStream {

	static final int MAX_ENTRY_BYTES = 64 * 1024;

	private final RouterAccessLog.Reader reader;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private long lineBytes;

	/** Where the line in progress starts in the log. */
	private long position;

	AccessLogStream(long position, RouterAccessLog.Reader reader) {
		this.position = position;
		this.reader = reader;
	}

	void accept(byte[] bytes) {
		// Copies each line's bytes in one piece: the stream carries a line per routed request.
		int start = 0;
		for (int at = 0; at < bytes.length; at++) {
			if (bytes[at] == '\n') {
				append(bytes, start, at);
				end();
				start = at + 1;
			}
		}
		append(bytes, start, bytes.length);
	}

	private void append(byte[] bytes, int from, int to) {
		lineBytes += to - from;
		int kept = Math.min(to - from, MAX_ENTRY_BYTES - line.size());
		if (kept > 0) {
			line.write(bytes, from, kept);
		}
	}

	private void end() {
		String text = line.toString(StandardCharsets.UTF_8);
		if (text.startsWith("#")) {
			if (text.startsWith("#from ")) {
				position = Long.parseLong(text.substring("#from ".length()).strip());
			}
		}
		else {
			position += lineBytes + 1;
			if (lineBytes <= MAX_ENTRY_BYTES) {
				reader.entry(text, position);
			}
		}
		line.reset();
		lineBytes = 0;
	}

}
