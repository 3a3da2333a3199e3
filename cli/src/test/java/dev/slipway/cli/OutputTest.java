package dev.slipway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputTest {

	@Test
	void tableAlignsColumnsAndKeepsEachValueOnOneLine() {
		StringWriter text = new StringWriter();

		new Output(new PrintWriter(text)).table(List.of("Name", "Value"),
				List.of(List.of("a", "x\ny"), List.of("longer", "z")));

		assertThat(text.toString()).isEqualTo("""
				Name    Value
				──────  ─────
				a       x\\ny
				longer  z
				""");
	}

}
