package dev.slipway.docker;

import java.util.function.Consumer;

/** Turns chunks of text into whole lines: Docker splits its streams wherever it likes. */
final class LineBuffer {

	private final Consumer<String> lines;

	private final StringBuilder pending = new StringBuilder();

	LineBuffer(Consumer<String> lines) {
		this.lines = lines;
	}

	synchronized void append(String chunk) {
		for (int i = 0; i < chunk.length(); i++) {
			char c = chunk.charAt(i);
			if (c == '\n') {
				emit();
			}
			else if (c != '\r') {
				pending.append(c);
			}
		}
	}

	synchronized void flush() {
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
