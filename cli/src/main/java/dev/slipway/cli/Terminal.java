package dev.slipway.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;

import sun.misc.Signal;

/**
 * The terminal on stdin, through {@code stty} as ssh and docker use it: its size, raw mode (each key
 * as typed, no echo: the remote TTY echoes) and its window changes.
 */
final class Terminal {

	private static final Size DEFAULT_SIZE = new Size(80, 24);

	record Size(int columns, int rows) {
	}

	private final String type;

	private String saved;

	private Terminal(String type) {
		this.type = type;
	}

	/** The terminal on stdin, or null when stdin is a pipe or a file. */
	static Terminal ofStdin() {
		if (onTerminal("test", "-t", "0") == null) {
			return null;
		}
		String term = System.getenv("TERM");
		return new Terminal(term == null || term.isBlank() || !term.matches("[A-Za-z0-9._+-]{1,64}") ? "xterm" : term);
	}

	/** What {@code TERM} says this terminal is, so programs in the dyno draw for it. */
	String type() {
		return type;
	}

	Size size() {
		String size = onTerminal("stty", "size");
		if (size != null) {
			String[] parts = size.strip().split("\\s+");
			if (parts.length == 2 && parts[0].matches("[1-9][0-9]{0,4}") && parts[1].matches("[1-9][0-9]{0,4}")) {
				return new Size(Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
			}
		}
		return DEFAULT_SIZE;
	}

	/** Keys go through as typed until {@link #restore}, which a shutdown also does. */
	void raw() {
		saved = onTerminal("stty", "-g");
		onTerminal("stty", "raw", "-echo");
		Runtime.getRuntime().addShutdownHook(new Thread(this::restore));
	}

	synchronized void restore() {
		if (saved != null) {
			onTerminal("stty", saved.strip());
			saved = null;
		}
	}

	/** Calls {@code resized} whenever the terminal's window changes size (SIGWINCH). */
	void onResize(Runnable resized) {
		Signal.handle(new Signal("WINCH"), signal -> resized.run());
	}

	/** Runs a command on this terminal; its output, or null when it failed. */
	private static String onTerminal(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectInput(Redirect.INHERIT)
				.redirectError(Redirect.DISCARD)
				.start();
			String output = new String(process.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
			return process.waitFor() == 0 ? output : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
