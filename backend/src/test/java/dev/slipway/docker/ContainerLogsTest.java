package dev.slipway.docker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerLogsTest {

	@Test
	void foldsARepeatedLine() {
		assertThat(ContainerLogs.fold(Collections.nCopies(10, "Error: boom"))).containsExactly("Error: boom",
				"(repeated 9 more times)");
		assertThat(ContainerLogs.fold(List.of("starting", "Error: boom", "Error: boom", "done"))).containsExactly(
				"starting", "Error: boom", "(repeated 1 more time)", "done");
	}

	@Test
	void foldsARepeatedBlockWhole() {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			lines.addAll(List.of("Exception in thread \"main\" java.lang.IllegalStateException: no config",
					"\tat app.Main.main(Main.java:3)", ""));
		}
		assertThat(ContainerLogs.fold(lines)).containsExactly(
				"Exception in thread \"main\" java.lang.IllegalStateException: no config",
				"\tat app.Main.main(Main.java:3)", "", "(the 3 lines above repeated 3 more times)");
	}

	@Test
	void prefersTheBlockThatCoversMostLines() {
		// "a a b" twice: folding the first "a a" alone would hide that the whole block repeats.
		assertThat(ContainerLogs.fold(List.of("a", "a", "b", "a", "a", "b"))).containsExactly("a", "a", "b",
				"(the 3 lines above repeated 1 more time)");
		// Equal cover: the shortest block.
		assertThat(ContainerLogs.fold(List.of("x", "x", "x", "x"))).containsExactly("x", "(repeated 3 more times)");
	}

	@Test
	void leavesOutputWithoutRepeatsAsItIs() {
		List<String> lines = List.of("listening", "", "a", "b", "a", "c");
		assertThat(ContainerLogs.fold(lines)).isEqualTo(lines);
		assertThat(ContainerLogs.fold(List.of())).isEmpty();
	}

	@Test
	void foldsRepeatsAfterOtherLinesAndKeepsWhatFollows() {
		assertThat(ContainerLogs.fold(List.of("boot", "retry", "fail", "retry", "fail", "retry", "fail", "gave up")))
			.containsExactly("boot", "retry", "fail", "(the 2 lines above repeated 2 more times)", "gave up");
	}

}
