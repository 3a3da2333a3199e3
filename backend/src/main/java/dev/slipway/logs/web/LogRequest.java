package dev.slipway.logs.web;

import dev.slipway.errors.SlipwayException;
import dev.slipway.logs.LogFilter;
import dev.slipway.logs.LogSource;

/** The filters of a log request, as query parameters: source, process type, dyno and text. */
record LogRequest(String source, String process, String dyno, String q) {

	static final int MAX_LINES = 10_000;

	LogFilter filter() {
		LogSource chosen = null;
		if (source != null && !source.isBlank()) {
			chosen = LogSource.of(source)
				.orElseThrow(() -> SlipwayException.invalid("invalid_source",
						"'" + source + "' is not a log source: use app, slipway or router."));
		}
		return new LogFilter(chosen, process, dyno, q);
	}

	static int lines(Integer requested, int otherwise) {
		int lines = requested == null ? otherwise : requested;
		if (lines < 0 || lines > MAX_LINES) {
			throw SlipwayException.invalid("invalid_lines", "lines goes from 0 to " + MAX_LINES + ".");
		}
		return lines;
	}

}
