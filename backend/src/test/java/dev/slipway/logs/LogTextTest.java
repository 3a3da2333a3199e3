package dev.slipway.logs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

	@Test
	void oneLinePerLineOfTextLongOnesCutIntoPieces() {
		assertThat(LogText.pieces("a\nb\n", 100)).containsExactly("a", "b");
		assertThat(LogText.pieces("", 100)).containsExactly("");
		assertThat(LogText.pieces("x".repeat(25), 10)).containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
	}

	@Test
	void cutsOnCharacterBoundaries() {
		assertThat(LogText.pieces("ééé", 4)).containsExactly("éé", "é");
		assertThat(LogText.pieces("a🚀b", 4)).containsExactly("a", "🚀", "b");
	}

	@Test
	void keepsWhatATerminalShowsAfterCarriageReturns() {
		assertThat(LogText.pieces("10%\r50%\r100%\r\n", 100)).containsExactly("100%");
		assertThat(LogText.pieces("windows line\r\n", 100)).containsExactly("windows line");
		assertThat(LogText.pieces("nul\0byte", 100)).containsExactly("nul\uFFFDbyte");
	}

}
