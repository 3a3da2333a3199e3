package dev.slipway.docker;

import java.util.function.Consumer;

/** Turns chunks of text into whole lines: Docker splits its streams wherever it likes. */
public final class LineBuffer {

	private final Consumer<String> lines;

	private final StringBuilder pending = new StringBuilder();

	private boolean carriageReturn;

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
					carriageReturn = false;
				}
				pending.append(c);
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
		String line = pending.toString();
		pending.setLength(0);
		lines.accept(line);
	}

}
