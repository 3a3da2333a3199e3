package dev.slipway.logs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router's access log entry (JSON from nginx) as Heroku writes router lines:
 * {@code at=info method=GET path="/" host=… request_id=… fwd="…" dyno=web.1 connect=1ms service=18ms status=200 bytes=975},
 * at the time nginx logged it (when the response was sent).
 */
record RouterLogLine(String app, String dyno, Instant at, String text) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Null when the entry is not an app's request (nginx's own messages, say). */
	static RouterLogLine parse(String entry) {
		JsonNode json;
		try {
			json = JSON.readTree(entry);
		}
		catch (JacksonException ex) {
			return null;
		}
		String app = json.path("app").asString("");
		if (app.isEmpty()) {
			return null;
		}
		String dyno = json.path("dyno").asString("");
		int status = json.path("status").asInt(0);
		String service = millis(json.path("service").asString(""), json.path("total").asString(""));
		StringBuilder text = new StringBuilder();
		if (status >= 500 && dyno.isEmpty()) {
			text.append("at=error code=H14 desc=\"No web processes running\" ");
		}
		else if (status == 503 || status == 502 || status == 504) {
			boolean timedOut = seconds(json.path("total").asString("")) >= 29;
			text.append(timedOut ? "at=error code=H12 desc=\"Request timeout\" "
					: "at=error code=H13 desc=\"Connection closed without response\" ");
		}
		else {
			text.append("at=info ");
		}
		text.append("method=")
			.append(json.path("method").asString(""))
			.append(" path=\"")
			.append(json.path("path").asString(""))
			.append("\" host=")
			.append(json.path("host").asString(""))
			.append(" request_id=")
			.append(json.path("request_id").asString(""))
			.append(" fwd=\"")
			.append(json.path("fwd").asString(""))
			.append("\" dyno=")
			.append(dyno)
			.append(" connect=")
			.append(millis(json.path("connect").asString(""), "0"))
			.append(" service=")
			.append(service)
			.append(" status=")
			.append(status)
			.append(" bytes=")
			.append(json.path("bytes").asString("0"));
		return new RouterLogLine(app, dyno.isEmpty() ? "router" : dyno, time(json.path("time").asString("")),
				text.toString());
	}

	/** nginx's {@code $msec} (seconds with milliseconds); now when it is missing. */
	private static Instant time(String msec) {
		try {
			return Instant.ofEpochMilli(new BigDecimal(msec).movePointRight(3).longValueExact());
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return Instant.now();
		}
	}

	/** nginx's seconds ("0.018", or "0.001, 0.002" after a retry) as Heroku's "18ms". */
	private static String millis(String value, String fallback) {
		String chosen = value.isBlank() || value.equals("-") ? fallback : value;
		return Math.round(seconds(chosen) * 1000) + "ms";
	}

	private static double seconds(String value) {
		double total = 0;
		for (String part : value.split(",")) {
			try {
				total += Double.parseDouble(part.strip().toLowerCase(Locale.ROOT));
			}
			catch (NumberFormatException ignored) {
				// "-" when nginx had no upstream.
			}
		}
		return total;
	}

}
