package dev.slipway.docker;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineBufferTest {

	@Test
	void keepsWhatABareCarriageReturnRedrawsLast() {
		List<String> lines = new ArrayList<>();
		LineBuffer buffer = new LineBuffer(lines::add);
		buffer.append("progress 10%\rprogress 50%\r");
		buffer.append("progress 100%\r\ndone\n");
		assertThat(lines).containsExactly("progress 100%", "done");
	}

	@Test
	void joinsChunksIntoLinesAndDropsCarriageReturns() {
		List<String> lines = new ArrayList<>();
		LineBuffer buffer = new LineBuffer(lines::add);
		buffer.append("Step 1/2 : FR");
		buffer.append("OM debian\r\n ---> abc\n\nlast");
		assertThat(lines).containsExactly("Step 1/2 : FROM debian", " ---> abc", "");
		buffer.flush();
		assertThat(lines).containsExactly("Step 1/2 : FROM debian", " ---> abc", "", "last");
	}

	@Test
	void cutsALineThatNeverEndsAndGoesOnWithTheNext() {
		List<String> lines = new ArrayList<>();
		LineBuffer buffer = new LineBuffer(lines::add);
		String chunk = "y".repeat(4096);
		for (int i = 0; i < 1000; i++) {
			buffer.append(chunk);
		}
		buffer.append("\nnext\n");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).hasSize(LineBuffer.MAX_LINE_LENGTH + 1).endsWith("y…");
		assertThat(lines.get(1)).isEqualTo("next");
	}

}
