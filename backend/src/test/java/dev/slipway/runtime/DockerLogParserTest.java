package dev.slipway.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
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
	void readsEveryFormOfTimestampAsInstantParseWould() {
		List<String> stamps = List.of("2026-12-31T23:59:59.999999999Z", "2028-02-29T00:00:00Z", "2026-01-01T00:00:00.1Z",
				"2026-11-22T10:00:00.000000010Z", "2026-11-22T11:00:00.5+01:00");
		stamps.forEach(stamp -> parser.accept(StreamType.STDOUT, bytes(stamp + " line\n")));
		assertThat(times).containsExactlyElementsOf(stamps.stream().map(stamp -> stamp.endsWith("Z") ? Instant.parse(stamp)
				: OffsetDateTime.parse(stamp).toInstant()).toList());
	}

	@Test
	void anEntryWithoutAValidTimestampIsTakenWhole() {
		parser.accept(StreamType.STDOUT, bytes("2026-02-30T10:00:00Z line\n"));
		assertThat(lines).containsExactly("2026-02-30T10:00:00Z line");
	}

	@Test
	void joinsTheEntriesDockerCutALongLineInto() {
		String chunk = "é".repeat(2000);
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00.1Z " + chunk));
		parser.accept(StreamType.STDERR, bytes("2026-11-22T10:00:00.2Z interleaved\n"));
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00.1Z " + chunk));
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00.1Z end\n"));
		assertThat(lines).containsExactly("interleaved", chunk + chunk + "end");
		assertThat(times.get(1)).isEqualTo(Instant.parse("2026-11-22T10:00:00.1Z"));
	}

	@Test
	void aLineThatNeverEndsComesOutInPiecesOfTheMaximumSizeAsItArrives() {
		String entry = "y".repeat(16_383) + "é";
		for (int i = 0; i < 1000; i++) {
			parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:00." + (100 + i) + "Z " + entry));
		}
		assertThat(lines).hasSizeGreaterThan(1000)
			.allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= DockerLogParser.MAX_PIECE_BYTES
					&& line.getBytes(StandardCharsets.UTF_8).length >= DockerLogParser.MAX_PIECE_BYTES - 1)
			.noneMatch(line -> line.contains("\uFFFD"));
		int emitted = lines.size();
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:02Z end\n"));
		parser.accept(StreamType.STDOUT, bytes("2026-11-22T10:00:03Z next\n"));
		assertThat(lines.subList(emitted, lines.size())).hasSize(2).last().isEqualTo("next");
		assertThat(String.join("", lines.subList(0, emitted + 1))).isEqualTo(entry.repeat(1000) + "end");
		assertThat(times.get(0)).isEqualTo(Instant.parse("2026-11-22T10:00:00.100Z"));
		assertThat(times.subList(0, emitted + 1)).as("no two pieces at one time").doesNotHaveDuplicates().isSorted();
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
