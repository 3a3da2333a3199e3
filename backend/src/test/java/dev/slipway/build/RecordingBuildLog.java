package dev.slipway.build;

import java.util.ArrayList;
import java.util.List;

/** A build log that keeps its lines, for assertions. */
public final class RecordingBuildLog implements BuildLog {

	private final List<String> lines = new ArrayList<>();

	@Override
	public void line(String line) {
		lines.add(line);
	}

	public List<String> lines() {
		return lines;
	}

	public String text() {
		return String.join("\n", lines);
	}

}
