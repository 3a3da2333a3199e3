package dev.slipway.logs;

import java.util.Locale;

/**
 * Which lines a reader wants: by source, process type ({@code web}), dyno ({@code web.1}) and text
 * (case-insensitive, spaces included); null matches all.
 */
public record LogFilter(LogSource source, String processType, String dyno, String query) {

	public LogFilter {
		processType = blankToNull(processType);
		dyno = blankToNull(dyno);
		query = query == null || query.isBlank() ? null : query;
	}

	public boolean matches(LogLine line) {
		return (source == null || line.source() == source) && (processType == null || line.processType().equals(processType))
				&& (dyno == null || line.process().equals(dyno))
				&& (query == null || line.text().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
