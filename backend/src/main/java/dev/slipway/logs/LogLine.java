package dev.slipway.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of an app's log, with its place in the app's sequence: formatted as Heroku does,
 * {@code 2026-11-22T10:00:00.123456+00:00 app[web.1]: text}.
 */
public record LogLine(long seq, Instant at, LogSource source, String process, String text) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	public String format() {
		return TIME.format(at) + " " + source.label() + "[" + process + "]: " + text;
	}

	/** The process type of the process: web for web.1, build for build. */
	public String processType() {
		int dot = process.indexOf('.');
		return dot < 0 ? process : process.substring(0, dot);
	}

}
