package dev.slipway.builds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.runtime.ProcessType;

/**
 * Process types as Heroku reads a Procfile: {@code type: command} per line, comments and blank
 * lines ignored. Also the form a build stores its process types in.
 */
public final class Procfile {

	private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(.+)$");

	private final Map<String, String> processTypes;

	private Procfile(Map<String, String> processTypes) {
		this.processTypes = Collections.unmodifiableMap(processTypes);
	}

	public static Procfile of(Map<String, String> processTypes) {
		return new Procfile(new LinkedHashMap<>(processTypes));
	}

	/** Reads a pushed Procfile; {@link BuildFailed} names every bad line by its number. */
	public static Procfile parse(String text) {
		return parse(text, true);
	}

	/**
	 * Reads the process types a build stored, without the name rule of {@link ProcessType}: a build
	 * stored before that rule stays readable (its long names are refused when scaled).
	 */
	static Procfile stored(String text) {
		return parse(text, false);
	}

	private static Procfile parse(String text, boolean checkNames) {
		Map<String, String> processTypes = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		String[] lines = text.split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			Matcher matcher = LINE.matcher(line);
			if (!matcher.matches()) {
				problems.add("line " + (i + 1) + ": \"" + line + "\" is not \"<type>: <command>\" "
						+ "(the type is " + ProcessType.RULE + ")");
			}
			else if (checkNames && ProcessType.problem(matcher.group(1)).isPresent()) {
				problems.add("line " + (i + 1) + ": " + ProcessType.problem(matcher.group(1)).get());
			}
			else if (processTypes.putIfAbsent(matcher.group(1), matcher.group(2).strip()) != null) {
				problems.add("line " + (i + 1) + ": the process type '" + matcher.group(1) + "' is defined twice");
			}
		}
		if (!problems.isEmpty()) {
			throw new BuildFailed("The Procfile is malformed:\n" + String.join("\n", problems));
		}
		return new Procfile(processTypes);
	}

	public Map<String, String> processTypes() {
		return processTypes;
	}

	/** These process types, with those of {@code overrides} replacing or adding to them. */
	public Procfile overriddenBy(Procfile overrides) {
		Map<String, String> merged = new LinkedHashMap<>(processTypes);
		merged.putAll(overrides.processTypes);
		return new Procfile(merged);
	}

	/** The Procfile text of these process types. */
	public String text() {
		StringBuilder text = new StringBuilder();
		processTypes.forEach((type, command) -> text.append(type).append(": ").append(command).append('\n'));
		return text.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Procfile that && that.processTypes.equals(processTypes);
	}

	@Override
	public int hashCode() {
		return processTypes.hashCode();
	}

	@Override
	public String toString() {
		return processTypes.toString();
	}

}
