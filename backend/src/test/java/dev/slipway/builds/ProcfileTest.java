package dev.slipway.builds;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcfileTest {

	@Test
	void readsTypesAndCommandsSkippingCommentsAndBlankLines() {
		Procfile procfile = Procfile.parse("""
				# processes
				web: node server.js --port $PORT

				worker:python worker.py
				release_phase-1:  ./migrate.sh && echo done\r
				""");
		assertThat(procfile.processTypes()).containsExactly(Map.entry("web", "node server.js --port $PORT"),
				Map.entry("worker", "python worker.py"), Map.entry("release_phase-1", "./migrate.sh && echo done"));
	}

	@Test
	void namesEveryBadLineByItsNumber() {
		assertThatThrownBy(() -> Procfile.parse("web: ok\nnot a process\nweb: again\nbad type!: x\n"))
			.isInstanceOf(BuildFailed.class)
			.hasMessageContaining("line 2: \"not a process\"")
			.hasMessageContaining("line 3: the process type 'web' is defined twice")
			.hasMessageContaining("line 4: \"bad type!: x\"");
	}

	@Test
	void boundsProcessTypeNamesSoDynoHostNamesAndLogLinesFitThem() {
		String longest = "w".repeat(30);
		assertThat(Procfile.parse(longest + ": ./worker").processTypes()).containsKey(longest);
		assertThatThrownBy(() -> Procfile.parse("web: ./server\n" + "w".repeat(63) + ": ./worker\n-dash: x\n"))
			.isInstanceOf(BuildFailed.class)
			.hasMessageContaining("line 2: The process type '" + longest + "…' is 63 characters long; process types have at most 30.")
			.hasMessageContaining("line 3: '-dash' is not a process type name")
			.hasMessageContaining("starting with a letter or digit, at most 30 characters");
	}

	@Test
	void readsTheProcessTypesABuildStoredBeforeTheNameRule() {
		String old = "w".repeat(40);
		assertThat(Procfile.stored(old + ": ./worker").processTypes()).containsKey(old);
	}

	@Test
	void roundTripsThroughItsText() {
		Procfile procfile = Procfile.of(Map.of("web", "a b")).overriddenBy(Procfile.parse("worker: c\nweb: d"));
		assertThat(procfile.processTypes()).containsEntry("web", "d").containsEntry("worker", "c");
		assertThat(Procfile.parse(procfile.text())).isEqualTo(procfile);
	}

}
