package dev.slipway.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;

import com.github.dockerjava.api.model.StreamType;

/**
 * Reads the frames of a container's Docker log (requested with timestamps): each frame is one log
 * entry, {@code <RFC 3339 time> <text>}. Docker cuts lines longer than 16 KiB into partial entries
 * without a newline; they are joined again, per stream, into the line the process wrote.
 */
final class DockerLogParser {

	private final BiConsumer<Instant, String> lines;

	private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);

	private final Map<StreamType, Instant> partialTime = new EnumMap<>(StreamType.class);

	DockerLogParser(BiConsumer<Instant, String> lines) {
		this.lines = lines;
	}

	void accept(StreamType stream, byte[] frame) {
		int space = indexOf(frame, (byte) ' ');
		Instant time = space > 0 ? parse(new String(frame, 0, space, StandardCharsets.US_ASCII)) : null;
		int bodyStart = time != null ? space + 1 : 0;
		if (time == null) {
			time = Instant.now();
		}
		boolean complete = frame.length > bodyStart && frame[frame.length - 1] == '\n';
		ByteArrayOutputStream pending = partial.computeIfAbsent(stream, type -> new ByteArrayOutputStream());
		if (pending.size() == 0) {
			partialTime.put(stream, time);
		}
		pending.write(frame, bodyStart, frame.length - bodyStart - (complete ? 1 : 0));
		if (complete) {
			emit(stream);
		}
	}

	/** Whatever is left when the stream ends, a last line without a newline. */
	void finish() {
		for (StreamType stream : partial.keySet()) {
			if (partial.get(stream).size() > 0) {
				emit(stream);
			}
		}
	}

	private void emit(StreamType stream) {
		ByteArrayOutputStream pending = partial.get(stream);
		lines.accept(partialTime.get(stream), pending.toString(StandardCharsets.UTF_8));
		pending.reset();
	}

	private static Instant parse(String timestamp) {
		try {
			return Instant.parse(timestamp);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int indexOf(byte[] bytes, byte wanted) {
		int limit = Math.min(bytes.length, 40);
		for (int i = 0; i < limit; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

}
