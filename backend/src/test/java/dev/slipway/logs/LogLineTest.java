package dev.slipway.logs;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogLineTest {

	@Test
	void formatsAsHeroku() {
		LogLine line = new LogLine(7, Instant.parse("2026-11-22T10:00:00.123456Z"), LogSource.APP, "web.1", "hello");
		assertThat(line.format()).isEqualTo("2026-11-22T10:00:00.123456+00:00 app[web.1]: hello");
		assertThat(new LogLine(8, Instant.parse("2026-11-22T10:00:00Z"), LogSource.SLIPWAY, "api", "x").format())
			.isEqualTo("2026-11-22T10:00:00.000000+00:00 slipway[api]: x");
	}

	@Test
	void filtersBySourceProcessTypeDynoAndText() {
		LogLine web = new LogLine(1, Instant.EPOCH, LogSource.APP, "web.1", "GET /cart");
		LogLine api = new LogLine(2, Instant.EPOCH, LogSource.SLIPWAY, "api", "Release v1 created");
		assertThat(new LogFilter(LogSource.APP, null, null, null).matches(web)).isTrue();
		assertThat(new LogFilter(LogSource.APP, null, null, null).matches(api)).isFalse();
		assertThat(new LogFilter(null, "web", null, null).matches(web)).isTrue();
		assertThat(new LogFilter(null, "we", null, null).matches(web)).isFalse();
		assertThat(new LogFilter(null, null, "web.1", " ").matches(web)).isTrue();
		assertThat(new LogFilter(null, null, null, "get /CART").matches(web)).isTrue();
		assertThat(new LogFilter(null, null, null, "release v2").matches(api)).isFalse();
	}

	@Test
	void aContainerCursorCountsLinesAtItsExactTime() {
		Instant at = Instant.parse("2026-11-22T10:00:00.123456789Z");
		ContainerCursor cursor = ContainerCursor.START.advance(at).advance(at);
		assertThat(cursor).isEqualTo(new ContainerCursor(at, 2));
		assertThat(ContainerCursor.parse(cursor.stored(), 2)).isEqualTo(cursor);
		assertThat(cursor.advance(at.plusNanos(1))).isEqualTo(new ContainerCursor(at.plusNanos(1), 1));
	}

}
