package dev.slipway.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A running interactive one-off dyno: its input, its terminal, and a way to end it. */
public interface InteractiveDyno {

	/** Its name, {@code run.N}. */
	String dyno();

	/** Sends bytes to its stdin (with a TTY, as typed: Ctrl-C is the byte 3, and interrupts). */
	void write(ByteBuffer bytes) throws IOException;

	/** Ends its stdin, as when a pipe into it ends. */
	void closeInput() throws IOException;

	/** Its TTY has a new size (a terminal window was resized); without a TTY, nothing happens. */
	void resize(TerminalSize size);

	/** Kills and removes it, as when its client goes away; its output then reports nothing more. */
	void stop();

}
