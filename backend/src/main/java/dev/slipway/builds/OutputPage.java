package dev.slipway.builds;

import java.util.List;

/**
 * Lines of a build's output in order, read a page at a time. {@code ended} when the build's output
 * is complete and no line follows these.
 */
public record OutputPage(List<OutputLine> lines, boolean ended) {

	/** The number of the last line here, or {@code after} when there is none. */
	public int lastNumber(int after) {
		return lines.isEmpty() ? after : lines.getLast().number();
	}

}
