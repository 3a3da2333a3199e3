package dev.slipway.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.dockerjava.api.model.StreamType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerLogParserTest {

	private final List<String> lines = new ArrayList<>();

	private final List<Instant> times = new ArrayList<>();

	private final DockerLogParser parser = new DockerLogParser((time, text) -> {
		times.add(time);
		lines.add(text);
	});

	@Test
	void readsTheTimestampOfEachEntry() {
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00.123456789Z hello\n"));
		parser.accept(StreamType.STDERR, bytes("2026-11-22T10:00:01.5Z oops\n"));
		assertThat(lines).containsExactly("hello", "oops");
		assertThat(times).containsExactly(Instant.parse("2026-11-22T10:00:00.123456789Z"),
				Instant.parse("2026-11-22T10:00:01.5Z"));
	}

	@Test
	void joinsTheEntriesDockerCutALongLineInto() {
		String chunk = "é".repeat(8192);
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00.1Z " + chunk));
		parser.accept(StreamType.STDERR, bytes("2026-11-22T10:00:00.2Z interleaved\n"));
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00.1Z " + chunk));
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00.1Z end\n"));
		assertThat(lines).containsExactly("interleaved", chunk + chunk + "end");
		assertThat(times.get(1)).isEqualTo(Instant.parse("2026-11-22T10:00:00.1Z"));
	}

	@Test
	void aLastLineWithoutNewlineComesOutAtTheEnd() {
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00.1Z no newline"));
		assertThat(lines).isEmpty();
		parser.finish();
		assertThat(lines).containsExactly("no newline");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
