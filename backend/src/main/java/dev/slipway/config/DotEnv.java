package dev.slipway.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.slipway.errors.SlipwayException;

/**
 * The bulk editor's {@code .env} text. Plain values are written as they are; any value with
 * whitespace, quotes, {@code #}, {@code $}, a backslash or a newline is double-quoted with escapes,
 * so writing and reading back gives every value byte for byte.
 */
public final class DotEnv {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+,=^~*?!\\[\\]{}<>|&;-]*");

	private DotEnv() {
	}

	public static String format(Map<String, String> config) {
		StringBuilder text = new StringBuilder();
		config.forEach((key, value) -> text.append(key).append('=').append(quote(value)).append('\n'));
		return text.toString();
	}

	/**
	 * Reads {@code KEY=value} lines: blank lines and {@code #} comments skipped, an optional
	 * {@code export}, values plain (the rest of the line), "double-quoted" with \n \r \t \" \\ \$
	 * escapes, or 'single-quoted' as they are; quoted values may span lines.
	 */
	public static Map<String, String> parse(String text) {
		Map<String, String> config = new LinkedHashMap<>();
		String input = text.replace("\r\n", "\n");
		int position = 0;
		int line = 1;
		while (position < input.length()) {
			int end = input.indexOf('\n', position);
			String current = input.substring(position, end < 0 ? input.length() : end);
			String trimmed = current.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				position = end < 0 ? input.length() : end + 1;
				line++;
				continue;
			}
			int start = position + (current.length() - current.stripLeading().length());
			if (input.startsWith("export ", start)) {
				start += "export ".length();
			}
			int equals = input.indexOf('=', start);
			if (equals < 0 || (end >= 0 && equals > end)) {
				throw SlipwayException.invalid("invalid_env_text",
						"Line " + line + " of the .env text is not KEY=value: " + trimmed);
			}
			String key = input.substring(start, equals).strip();
			ConfigRules.checkKey(key);
			int valueStart = equals + 1;
			char first = valueStart < input.length() ? input.charAt(valueStart) : '\n';
			StringBuilder value = new StringBuilder();
			int next;
			if (first == '"' || first == '\'') {
				next = readQuoted(input, valueStart, first, value, line);
				String rest = lineRemainder(input, next);
				if (!rest.isBlank() && !rest.strip().startsWith("#")) {
					throw SlipwayException.invalid("invalid_env_text", "Line " + line + " of the .env text has text after "
							+ "the closing quote of " + key + ": " + rest.strip());
				}
				next = skipLine(input, next);
			}
			else {
				int valueEnd = end < 0 ? input.length() : end;
				value.append(input, valueStart, valueEnd);
				next = valueEnd < input.length() ? valueEnd + 1 : valueEnd;
			}
			line += countNewlines(input, position, next);
			config.put(key, value.toString());
			position = next;
		}
		return config;
	}

	private static int readQuoted(String input, int open, char quote, StringBuilder value, int line) {
		int i = open + 1;
		while (i < input.length()) {
			char c = input.charAt(i);
			if (c == quote) {
				return i + 1;
			}
			if (quote == '"' && c == '\\' && i + 1 < input.length()) {
				char escaped = input.charAt(i + 1);
				value.append(switch (escaped) {
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 't' -> '\t';
					default -> escaped;
				});
				i += 2;
				continue;
			}
			value.append(c);
			i++;
		}
		throw SlipwayException.invalid("invalid_env_text",
				"The value starting on line " + line + " of the .env text has no closing " + quote + ".");
	}

	private static String lineRemainder(String input, int from) {
		int end = input.indexOf('\n', from);
		return input.substring(from, end < 0 ? input.length() : end);
	}

	private static int skipLine(String input, int from) {
		int end = input.indexOf('\n', from);
		return end < 0 ? input.length() : end + 1;
	}

	private static int countNewlines(String input, int from, int to) {
		int count = 0;
		for (int i = from; i < to && i < input.length(); i++) {
			if (input.charAt(i) == '\n') {
				count++;
			}
		}
		return count;
	}

	private static String quote(String value) {
		if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
			return value;
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '$' -> quoted.append("\\$");
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

}
