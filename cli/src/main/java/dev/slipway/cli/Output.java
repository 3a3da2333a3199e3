package dev.slipway.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * What commands print: tables and {@code key: value} blocks for people, the API's JSON for scripts
 * ({@code --json}). Values are shown on one line each: a line break inside a value would forge a row.
 */
final class Output {

	private final PrintWriter out;

	Output(PrintWriter out) {
		this.out = out;
	}

	/** The API's JSON, pretty printed: what {@code --json} prints, parseable as it is. */
	void json(JsonNode node) {
		out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
		out.flush();
	}

	/** A heading, as Heroku prints one: {@code === shop Config Vars}. */
	void heading(String title) {
		out.println("=== " + oneLine(title));
	}

	void line(String text) {
		out.println(text);
		out.flush();
	}

	/** A table: the headers, then a rule, then the rows, each column as wide as its widest cell. */
	void table(List<String> headers, List<List<String>> rows) {
		int[] widths = new int[headers.size()];
		List<List<String>> cells = new ArrayList<>();
		cells.add(headers);
		rows.forEach(row -> cells.add(row.stream().map(Output::oneLine).toList()));
		for (List<String> row : cells) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		print(headers, widths);
		List<String> rule = new ArrayList<>();
		for (int width : widths) {
			rule.add("─".repeat(width));
		}
		print(rule, widths);
		cells.subList(1, cells.size()).forEach(row -> print(row, widths));
		out.flush();
	}

	/** A table of the API's items, a row each as {@code row} makes it. */
	void table(List<String> headers, JsonNode items, Function<JsonNode, List<String>> row) {
		List<List<String>> rows = new ArrayList<>();
		items.forEach(item -> rows.add(row.apply(item)));
		table(headers, rows);
	}

	/** {@code key: value} lines with the values aligned. */
	void keyValues(Map<String, String> values) {
		int width = values.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
		values.forEach((key, value) -> out.println(pad(key + ":", width) + " " + oneLine(value)));
		out.flush();
	}

	private void print(List<String> row, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			line.append(i == widths.length - 1 ? row.get(i) : pad(row.get(i), widths[i]) + "  ");
		}
		out.println(line.toString().stripTrailing());
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

	/** A value on one line: control characters (line breaks, escapes a terminal would act on) shown escaped. */
	static String oneLine(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder text = new StringBuilder(value.length());
		value.codePoints().forEach(c -> {
			if (c == '\n') {
				text.append("\\n");
			}
			else if (c == '\t') {
				text.append("\\t");
			}
			else if (Character.isISOControl(c)) {
				text.append(String.format("\\u%04x", c));
			}
			else {
				text.appendCodePoint(c);
			}
		});
		return text.toString();
	}

}
