package dev.slipway.builds;

/** What followers of a build's output receive: each line, then the end once the build is over. */
public sealed interface OutputLine {

	OutputLine END = new End();

	/** A line of the output with its number (from 1). */
	record Line(int number, String text) implements OutputLine {
	}

	/** The build is over; nothing follows. */
	record End() implements OutputLine {
	}

}
