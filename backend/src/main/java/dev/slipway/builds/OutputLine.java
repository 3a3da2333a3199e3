package dev.slipway.builds;

/** A line of a build's output with its number (from 1), as followers receive it. */
public record OutputLine(int number, String text) {

	/** Sent to followers when the build is over. */
	public static final OutputLine END = new OutputLine(-1, "");

}
