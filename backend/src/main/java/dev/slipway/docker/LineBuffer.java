package dev.slipway.docker;

import java.util.function.Consumer;

/**
 * Turns chunks of text into whole lines: Docker splits its streams wherever it likes. A line is kept
 * to {@link #MAX_LINE_LENGTH} characters (the rest is dropped and the line ends in "…"), so a program
 * that never prints a newline cannot fill Slipway's memory.
 */
public final class LineBuffer {

	/** As long as a line may be; Heroku's router and log drains also cut lines at about 10 kB. */
	public static final int MAX_LINE_LENGTH = 10_000;

	private final Consumer<String> lines;

	private final StringBuilder pending = new StringBuilder();

	private boolean carriageReturn;

	private boolean truncated;

	public LineBuffer(Consumer<String> lines) {
		this.lines = lines;
	}

	public synchronized void append(String chunk) {
		for (int i = 0; i < chunk.length(); i++) {
			char c = chunk.charAt(i);
			if (c == '\n') {
				carriageReturn = false;
				emit();
			}
			else if (c == '\r') {
				carriageReturn = true;
			}
			else {
				if (carriageReturn) {
					// A bare carriage return redraws the line (progress bars): keep only what comes last.
					pending.setLength(0);
					truncated = false;
					carriageReturn = false;
				}
				if (pending.length() < MAX_LINE_LENGTH) {
					pending.append(c);
				}
				else {
					truncated = true;
				}
			}
		}
	}

	public synchronized void flush() {
		carriageReturn = false;
		if (!pending.isEmpty()) {
			emit();
		}
	}

	private void emit() {
		String line = truncated ? pending + "…" : pending.toString();
		pending.setLength(0);
		truncated = false;
		lines.accept(line);
	}

}
