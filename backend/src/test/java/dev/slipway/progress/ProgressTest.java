package dev.slipway.progress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

	@Test
	void formatsLinesInHerokusStyle() {
		RecordingProgress progress = new RecordingProgress();
		progress.step("Building");
		progress.detail("one\ntwo");
		progress.warning("careful");
		progress.error("failed");
		assertThat(progress.lines()).containsExactly("-----> Building", "       one", "       two",
				" !     Warning: careful", " !     failed");
	}

	@Test
	void cutsTextOfAnyLengthThatAMessageQuotes() {
		RecordingProgress progress = new RecordingProgress();
		progress.error("asks for " + "9".repeat(1_000_000));
		assertThat(progress.lines()).singleElement()
			.satisfies(line -> assertThat(line).hasSize(Progress.ERROR.length() + Progress.MAX_TEXT_LENGTH + 1).endsWith("9…"));
	}

}
