package dev.slipway.router;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.slipway.logs.RouterAccessLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogStreamTest {

	record Entry(String text, long end) {
	}

	private final List<Entry> entries = new ArrayList<>();

	private final RouterAccessLog.Reader reader = new RouterAccessLog.Reader() {
		@Override
		public void entry(String entry, long end) {
			entries.add(new Entry(entry, end));
		}

		@Override
		public void ended() {
			entries.add(new Entry("ended", -1));
		}
	};

	@Test
	void eachEntryEndsWhereTheNextStartsWhereverTheOutputIsCut() {
		AccessLogStream stream = new AccessLogStream(100, reader);
		stream.accept(bytes("#from 100\n{\"a\":1}\n{\"b\""));
		stream.accept(bytes(":\"é\"}\n#\n{}\n"));
		assertThat(entries).containsExactly(new Entry("{\"a\":1}", 108), new Entry("{\"b\":\"é\"}", 119),
				new Entry("{}", 122));
	}

	@Test
	void aJumpTheReaderReportsMovesThePosition() {
		AccessLogStream stream = new AccessLogStream(10, reader);
		stream.accept(bytes("#from 10\n#from 500\n{}\n"));
		assertThat(entries).containsExactly(new Entry("{}", 503));
	}

	@Test
	void anOverlongLineIsSkippedButCounted() {
		AccessLogStream stream = new AccessLogStream(0, reader);
		stream.accept(bytes("x".repeat(AccessLogStream.MAX_ENTRY_BYTES + 1) + "\n{}\n"));
		assertThat(entries).containsExactly(new Entry("{}", AccessLogStream.MAX_ENTRY_BYTES + 5));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
