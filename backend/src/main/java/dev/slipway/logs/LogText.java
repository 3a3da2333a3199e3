package dev.slipway.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns text into stored lines: one per line of text, long ones cut into pieces on character boundaries. */
final class LogText {

	private LogText() {
	}

	static List<String> pieces(String text, int maxBytes) {
		if (text.length() * 3 <= maxBytes && plain(text)) {
			return List.of(text);
		}
		List<String> pieces = new ArrayList<>(1);
		String clean = text.indexOf('\0') >= 0 ? text.replace('\0', '\uFFFD') : text;
		int start = 0;
		while (start <= clean.length()) {
			int newline = clean.indexOf('\n', start);
			int end = newline < 0 ? clean.length() : newline;
			split(stripCarriageReturns(clean.substring(start, end)), maxBytes, pieces);
			if (newline < 0) {
				break;
			}
			start = newline + 1;
			if (start == clean.length()) {
				break;
			}
		}
		return pieces;
	}

	/**
	 * A short field such as a process or dyno name, as the store can keep it: control characters
	 * (NUL included) become spaces, and it is cut to {@code maxLength} characters, never inside a
	 * surrogate pair.
	 */
	static String field(String value, int maxLength) {
		if (value.length() <= maxLength && noControl(value)) {
			return value;
		}
		StringBuilder field = new StringBuilder(Math.min(value.length(), maxLength));
		for (int i = 0; i < value.length() && field.length() < maxLength; i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && field.length() == maxLength - 1) {
				break;
			}
			field.append(Character.isISOControl(c) ? ' ' : c);
		}
		return field.toString();
	}

	/** A loop, not a stream: it runs for every line read. */
	private static boolean noControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** Whether the text is one line as it is: no newline, carriage return or NUL (most lines are). */
	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || c == '\0') {
				return false;
			}
		}
		return true;
	}

	/** What a terminal would show: after a carriage return the line is drawn again. */
	private static String stripCarriageReturns(String line) {
		String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
		int last = trimmed.lastIndexOf('\r');
		return last < 0 ? trimmed : trimmed.substring(last + 1);
	}

	private static void split(String line, int maxBytes, List<String> pieces) {
		if (line.length() * 3 <= maxBytes || line.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			pieces.add(line);
			return;
		}
		int start = 0;
		int bytes = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			int size = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
			if (bytes + size > maxBytes) {
				pieces.add(line.substring(start, i));
				start = i;
				bytes = 0;
			}
			bytes += size;
		}
		pieces.add(line.substring(start));
	}

}
