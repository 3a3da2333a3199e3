package dev.slipway.runtime;

import dev.slipway.errors.SlipwayException;

/** The columns and rows of the terminal an interactive dyno's TTY stands for. */
public record TerminalSize(int columns, int rows) {

	/** Beyond any screen, yet small enough that a program sizing buffers by it stays sane. */
	static final int MAX = 10_000;

	public TerminalSize {
		if (columns < 1 || rows < 1 || columns > MAX || rows > MAX) {
			throw SlipwayException.invalid("invalid_terminal_size",
					"A terminal has 1 to " + MAX + " columns and rows; " + columns + "x" + rows + " is not one.");
		}
	}

}
