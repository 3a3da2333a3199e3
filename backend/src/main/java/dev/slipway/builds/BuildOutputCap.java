package dev.slipway.builds;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.slipway.progress.Progress;

/**
 * Where a build's output enters on its way to the push, the build's record and the app's log. Each line
 * is cleaned: terminal escape sequences and trailing carriage returns are dropped, other control characters but the tab are
 * escaped as {@code \xNN} (PostgreSQL cannot store a NUL, and no control character should reach a
 * terminal or a page). The output is capped at a number of bytes and lines: past the cap one truncation
 * line says so, and command output (detail lines) is neither kept nor shown any more. Slipway's own
 * steps, warnings and errors still pass within a small reserve, so the push still shows how the build
 * and its release ended.
 */
final class BuildOutputCap implements Progress {

	/** Room for Slipway's own lines past the cap: the outcome, the release phase's steps, the rollout. */
	static final int RESERVE_BYTES = 64 * 1024;

	private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?");

	private final Progress target;

	private final long maxBytes;

	private final int maxLines;

	private long bytes;

	private int lines;

	private boolean truncated;

	private long reserve = RESERVE_BYTES;

	BuildOutputCap(Progress target, long maxBytes, int maxLines) {
		this.target = target;
		this.maxBytes = maxBytes;
		this.maxLines = maxLines;
	}

	@Override
	public synchronized void line(String raw) {
		String line = clean(raw);
		long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
		if (!truncated) {
			if (bytes + size <= maxBytes && lines < maxLines) {
				bytes += size;
				lines++;
				target.line(line);
				return;
			}
			truncated = true;
			target.line(ERROR + "Warning: The build's output reached Slipway's limit of " + maxLines + " lines or "
					+ size(maxBytes) + "; the rest of its output is neither kept nor shown.");
		}
		if (!line.startsWith(DETAIL) && size <= reserve) {
			reserve -= size;
			target.line(line);
		}
	}

	private static String size(long bytes) {
		return bytes < 1024 * 1024 ? bytes / 1024 + " KB" : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	/** The line without terminal escapes and with every other control character but the tab escaped. */
	static String clean(String line) {
		if (line.chars().noneMatch(BuildOutputCap::isControl)) {
			return line;
		}
		String text = TERMINAL_ESCAPE.matcher(line).replaceAll("");
		int end = text.length();
		// A carriage return before the line's end is a Windows line ending, not output to show.
		while (end > 0 && text.charAt(end - 1) == '\r') {
			end--;
		}
		text = text.substring(0, end);
		StringBuilder cleaned = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isControl(c)) {
				cleaned.append(String.format("\\x%02x", (int) c));
			}
			else {
				cleaned.append(c);
			}
		}
		return cleaned.toString();
	}

	private static boolean isControl(int c) {
		return c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f));
	}

}
