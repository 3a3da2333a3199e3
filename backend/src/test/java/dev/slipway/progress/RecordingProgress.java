package dev.slipway.progress;

import java.util.ArrayList;
import java.util.List;

/** Progress that keeps its lines, for assertions. */
public final class RecordingProgress implements Progress {

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
