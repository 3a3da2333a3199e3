package dev.slipway.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;

import com.github.dockerjava.api.model.StreamType;

/**
 * Reads the frames of a container's Docker log (requested with timestamps): each frame is one log
 * entry, {@code <RFC 3339 time> <text>}. Docker cuts lines longer than 16 KiB into partial entries
 * without a newline; they are joined again, per stream, into the line the process wrote, up to
 * {@value #MAX_PIECE_BYTES} bytes: a longer line comes out in pieces of that size as it arrives, so a
 * process that never writes a newline holds at most one piece and one entry in memory, and every byte
 * of it is kept. Each piece has the time of the entry it starts in, moved on by a nanosecond where
 * needed so that no two pieces of a line share a time: a reader tells lines apart by time and text.
 */
final class DockerLogParser {

	/** As long as a stored log line may be. */
	static final int MAX_PIECE_BYTES = 10_000;

	private final BiConsumer<Instant, String> lines;

	private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);

	private final Map<StreamType, Instant> partialTime = new EnumMap<>(StreamType.class);

	/** The time of the last piece cut from the line in progress, per stream. */
	private final Map<StreamType, Instant> lastPiece = new EnumMap<>(StreamType.class);

	DockerLogParser(BiConsumer<Instant, String> lines) {
		this.lines = lines;
	}

	void accept(StreamType stream, byte[] frame) {
		int space = indexOf(frame, (byte) ' ');
		Instant time = space > 0 ? parse(frame, space) : null;
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
		while (pending.size() > MAX_PIECE_BYTES) {
			cut(stream, pending, time);
		}
		if (complete) {
			emit(stream);
		}
	}

	/** Whether a line is half read: entries of it came, its end did not. */
	boolean pending() {
		return partial.values().stream().anyMatch(bytes -> bytes.size() > 0);
	}

	/** Whatever is left when the stream ends, a last line without a newline. */
	void finish() {
		for (StreamType stream : partial.keySet()) {
			if (partial.get(stream).size() > 0) {
				emit(stream);
			}
		}
	}

	/** Emits the first piece of an overlong line, ending on a character boundary, and keeps the rest. */
	private void cut(StreamType stream, ByteArrayOutputStream pending, Instant now) {
		byte[] bytes = pending.toByteArray();
		int end = MAX_PIECE_BYTES;
		while (end > MAX_PIECE_BYTES - 3 && (bytes[end] & 0xC0) == 0x80) {
			end--;
		}
		Instant at = pieceTime(stream);
		lastPiece.put(stream, at);
		lines.accept(at, new String(bytes, 0, end, StandardCharsets.UTF_8));
		pending.reset();
		pending.write(bytes, end, bytes.length - end);
		partialTime.put(stream, now);
	}

	private void emit(StreamType stream) {
		ByteArrayOutputStream pending = partial.get(stream);
		lines.accept(pieceTime(stream), pending.toString(StandardCharsets.UTF_8));
		lastPiece.remove(stream);
		pending.reset();
	}

	private Instant pieceTime(StreamType stream) {
		Instant start = partialTime.get(stream);
		Instant last = lastPiece.get(stream);
		return last == null || start.isAfter(last) ? start : last.plusNanos(1);
	}

	/**
	 * Docker's own form, {@code 2026-11-22T10:00:00.123456789Z} (UTC, up to nine digits of the
	 * second), read straight from the bytes: {@link Instant#parse} cost more than the rest of a short
	 * line. Any other form goes to {@link Instant#parse}.
	 */
	static Instant parse(byte[] frame, int end) {
		if (end >= 20 && frame[4] == '-' && frame[7] == '-' && frame[10] == 'T' && frame[13] == ':' && frame[16] == ':'
				&& frame[end - 1] == 'Z' && (end == 20 || frame[19] == '.' && end > 21 && end <= 30)) {
			int year = digits(frame, 0, 4);
			int month = digits(frame, 5, 7);
			int day = digits(frame, 8, 10);
			int hour = digits(frame, 11, 13);
			int minute = digits(frame, 14, 16);
			int second = digits(frame, 17, 19);
			int fraction = end == 20 ? 0 : digits(frame, 20, end - 1);
			if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month) && hour >= 0
					&& hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && fraction >= 0) {
				long nanos = fraction;
				for (int i = end - 1 - 20; i < 9; i++) {
					nanos *= 10;
				}
				long epochDay = LocalDate.of(year, month, day).toEpochDay();
				return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
			}
		}
		try {
			return Instant.parse(new String(frame, 0, end, StandardCharsets.US_ASCII));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The last day of the month. */
	private static int lastDay(int year, int month) {
		return YearMonth.of(year, month).lengthOfMonth();
	}

	/** The decimal number in {@code bytes[from, to)}, or -1 when any of them is not a digit. */
	private static int digits(byte[] bytes, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			int digit = bytes[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
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
