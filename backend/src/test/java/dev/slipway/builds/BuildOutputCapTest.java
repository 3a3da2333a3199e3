package dev.slipway.builds;

import dev.slipway.progress.Progress;
import dev.slipway.progress.RecordingProgress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildOutputCapTest {

	@Test
	void escapesNulAndOtherControlCharactersButKeepsTabsAndText() {
		assertThat(BuildOutputCap.clean("a\0b")).isEqualTo("a\\x00b");
		assertThat(BuildOutputCap.clean("bell\u0007 del\u007f c1\u0085")).isEqualTo("bell\\x07 del\\x7f c1\\x85");
		assertThat(BuildOutputCap.clean("col\tumn ünïcode ✓")).isEqualTo("col\tumn ünïcode ✓");
	}

	@Test
	void dropsTerminalEscapesAndWindowsLineEndings() {
		assertThat(BuildOutputCap.clean("\u001B[1;31mred\u001B[0m")).isEqualTo("red");
		assertThat(BuildOutputCap.clean("\u001B]0;title\u0007text")).isEqualTo("text");
		assertThat(BuildOutputCap.clean("line\r")).isEqualTo("line");
		assertThat(BuildOutputCap.clean("10%\r20%")).isEqualTo("10%\\x0d20%");
	}

	@Test
	void cleansWhatPassesThrough() {
		RecordingProgress target = new RecordingProgress();
		new BuildOutputCap(target, 1024, 100).detail("a\0b");
		assertThat(target.lines()).containsExactly(Progress.DETAIL + "a\\x00b");
	}

	@Test
	void stopsCommandOutputAtTheSizeWithOneTruncationLineButLetsTheOutcomeThrough() {
		RecordingProgress target = new RecordingProgress();
		BuildOutputCap cap = new BuildOutputCap(target, 2048, 1000);
		for (int i = 0; i < 1000; i++) {
			cap.detail("x".repeat(99));
		}
		cap.step("Build succeeded in 3 s");
		cap.error("v2 was not deployed; what ran before keeps running.");
		assertThat(target.lines()).hasSize(19 + 3);
		assertThat(String.join("\n", target.lines()).length()).isLessThan(2048 + 300);
		assertThat(target.lines().subList(19, 22)).containsExactly(
				" !     Warning: The build's output reached Slipway's limit of 1000 lines or 2 KB; "
						+ "the rest of its output is neither kept nor shown.",
				"-----> Build succeeded in 3 s", " !     v2 was not deployed; what ran before keeps running.");
	}

	@Test
	void stopsAtTheNumberOfLinesToo() {
		RecordingProgress target = new RecordingProgress();
		BuildOutputCap cap = new BuildOutputCap(target, 1 << 20, 10);
		for (int i = 0; i < 500; i++) {
			cap.detail("y");
		}
		assertThat(target.lines()).hasSize(11).last().asString().contains("limit of 10 lines");
	}

	@Test
	void boundsSlipwaysOwnLinesPastTheCapByTheReserve() {
		RecordingProgress target = new RecordingProgress();
		BuildOutputCap cap = new BuildOutputCap(target, 1024, 1000);
		for (int i = 0; i < 10_000; i++) {
			cap.step("s".repeat(100));
		}
		long bytes = target.lines().stream().mapToLong(line -> line.length() + 1).sum();
		assertThat(bytes).isLessThanOrEqualTo(1024 + 200 + BuildOutputCap.RESERVE_BYTES);
	}

}
