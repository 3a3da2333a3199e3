package dev.slipway.builds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a Dockerfile names outside its own stages: {@code FROM}, {@code COPY --from=}, and
 * {@code RUN --mount=...,from=}, also inside {@code ONBUILD}. Reads the Dockerfile as Docker does
 * (parser directives and the escape character, line continuations, comments, instructions in any
 * case, flags such as {@code --platform}) and resolves {@code ARG}s and {@code ENV}s from their
 * values in the file and the build arguments Slipway passes. Stage references ({@code FROM base AS x}
 * then {@code FROM x} or {@code COPY --from=x}) are left out: they name no image.
 */
final class DockerfileImages {

	/**
	 * An image named on {@code line} by {@code instruction}: {@code value} once variables are resolved,
	 * or empty with {@code unresolved} saying why it is known only at build time.
	 */
	record Reference(int line, String instruction, String written, Optional<String> value, String unresolved) {
	}

	private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*([a-zA-Z][a-zA-Z0-9_-]*)\\s*=\\s*(.*?)\\s*$");

	private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private final Map<String, String> buildArgs;

	private final Map<String, String> globalArgs = new HashMap<>();

	private final Set<String> stages = new HashSet<>();

	private final List<Reference> references = new ArrayList<>();

	/** Whether a FROM was read: ARGs after it belong to a stage and FROM lines never see them. */
	private boolean inStage;

	private int stageCount;

	private char escape = '\\';

	private DockerfileImages(Map<String, String> buildArgs) {
		this.buildArgs = buildArgs;
	}

	static List<Reference> of(String dockerfile, Map<String, String> buildArgs) {
		DockerfileImages images = new DockerfileImages(buildArgs);
		images.read(dockerfile);
		return images.references;
	}

	private void read(String dockerfile) {
		String[] lines = dockerfile.split("\r?\n", -1);
		int index = readDirectives(lines);
		while (index < lines.length) {
			String line = lines[index];
			int first = index + 1;
			index++;
			if (line.isBlank() || isComment(line)) {
				continue;
			}
			StringBuilder logical = new StringBuilder();
			while (continues(line)) {
				logical.append(line, 0, line.stripTrailing().length() - 1);
				line = null;
				while (index < lines.length) {
					String next = lines[index++];
					if (!next.isBlank() && !isComment(next)) {
						line = next;
						break;
					}
				}
				if (line == null) {
					break;
				}
			}
			if (line != null) {
				logical.append(line);
			}
			instruction(first, logical.toString().strip(), false);
		}
	}

	/** Parser directives come first; {@code escape} changes the line-continuation character. */
	private int readDirectives(String[] lines) {
		int index = 0;
		Set<String> seen = new HashSet<>();
		while (index < lines.length) {
			Matcher directive = DIRECTIVE.matcher(lines[index]);
			if (!directive.matches() || !seen.add(directive.group(1).toLowerCase(Locale.ROOT))) {
				break;
			}
			if (directive.group(1).equalsIgnoreCase("escape") && directive.group(2).equals("`")) {
				escape = '`';
			}
			index++;
		}
		return index;
	}

	private static boolean isComment(String line) {
		return line.stripLeading().startsWith("#");
	}

	private boolean continues(String line) {
		String trimmed = line.stripTrailing();
		return !trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape;
	}

	private void instruction(int line, String text, boolean onBuild) {
		String[] split = text.split("\\s+", 2);
		String keyword = split[0].toUpperCase(Locale.ROOT);
		String rest = split.length > 1 ? split[1] : "";
		switch (keyword) {
			case "FROM" -> from(line, rest);
			case "ARG" -> arg(rest);
			case "COPY", "ADD" -> flags(rest).stream()
				.filter(flag -> flag.startsWith("--from="))
				.forEach(flag -> source(line, keyword + " " + flag, flag.substring("--from=".length()), onBuild));
			case "RUN" -> flags(rest).stream()
				.filter(flag -> flag.startsWith("--mount="))
				.forEach(flag -> mountSource(flag.substring("--mount=".length()))
					.ifPresent(from -> source(line, keyword + " " + flag, from, onBuild)));
			case "ONBUILD" -> instruction(line, rest, true);
			default -> {
			}
		}
	}

	private void from(int line, String rest) {
		List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
		words.removeIf(word -> word.startsWith("--"));
		if (words.isEmpty() || words.getFirst().isEmpty()) {
			return;
		}
		String written = words.getFirst();
		Expansion image = expand(written, globalArgs);
		String lowered = image.value().map(value -> value.toLowerCase(Locale.ROOT)).orElse(null);
		if (lowered == null || !stages.contains(lowered)) {
			references.add(new Reference(line, "FROM " + written, written, image.value(),
					image.unresolved() == null ? null : image.unresolved() + " has no value Slipway knows before the build"));
		}
		inStage = true;
		stageCount++;
		if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
			stages.add(words.get(2).toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * A {@code --from} value: an earlier stage by name or number, or an image. Docker's builders differ
	 * in whether they expand variables here, so a value with one is never resolved (a stage,
	 * {@code FROM ${IMAGE} AS source}, does the same with a checked reference).
	 */
	private void source(int line, String instruction, String written, boolean onBuild) {
		String value = unquote(written);
		if (value.indexOf('$') >= 0) {
			references.add(new Reference(line, instruction, written, Optional.empty(),
					"a --from value with a variable is resolved only by the builder"));
			return;
		}
		String lowered = value.toLowerCase(Locale.ROOT);
		if (!onBuild && (stages.contains(lowered) || (lowered.matches("\\d{1,9}") && Integer.parseInt(lowered) < stageCount))) {
			return;
		}
		references.add(new Reference(line, instruction, written, Optional.of(value), null));
	}

	private static Optional<String> mountSource(String options) {
		for (String option : options.split(",")) {
			String[] pair = option.split("=", 2);
			if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("from")) {
				return Optional.of(unquote(pair[1].strip()));
			}
		}
		return Optional.empty();
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

	/** The leading {@code --name=value} words of an instruction. */
	private static List<String> flags(String rest) {
		List<String> flags = new ArrayList<>();
		for (String word : rest.split("\\s+")) {
			if (!word.startsWith("--")) {
				break;
			}
			flags.add(word);
		}
		return flags;
	}

	/**
	 * {@code ARG a=1 b} before the first FROM: a build argument Slipway passes wins over the default; one
	 * without either is known to be empty. ARGs inside a stage never reach a FROM.
	 */
	private void arg(String rest) {
		if (inStage) {
			return;
		}
		for (String word : words(rest)) {
			String[] pair = word.split("=", 2);
			String name = pair[0];
			if (buildArgs.containsKey(name)) {
				globalArgs.put(name, buildArgs.get(name));
			}
			else if (pair.length == 2) {
				Expansion value = expand(pair[1], globalArgs);
				if (value.value().isPresent()) {
					globalArgs.put(name, value.value().get());
				}
				else {
					globalArgs.remove(name);
				}
			}
			else {
				globalArgs.put(name, null);
			}
		}
	}

	/** Whitespace-separated words; quotes keep spaces inside a word. */
	private List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == escape && i + 1 < text.length() && quote != '\'') {
				word.append(c).append(text.charAt(++i));
			}
			else if (quote != 0) {
				word.append(c);
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				word.append(c);
			}
			else if (Character.isWhitespace(c)) {
				if (!word.isEmpty()) {
					words.add(word.toString());
					word.setLength(0);
				}
			}
			else {
				word.append(c);
			}
		}
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		return words;
	}

	/** A word with its variables replaced, or empty naming the first one that has no known value. */
	record Expansion(Optional<String> value, String unresolved) {

		static Expansion of(String value) {
			return new Expansion(Optional.of(value), null);
		}

		static Expansion missing(String variable) {
			return new Expansion(Optional.empty(), variable);
		}

	}

	/**
	 * Replaces {@code $name}, {@code ${name}}, {@code ${name:-word}}, {@code ${name:+word}} (and the
	 * forms without the colon) as Docker does, and removes quotes. {@code scope} holds the declared
	 * ARGs, null for one without a value. A variable not declared (its value could come from the
	 * builder), a plain {@code $name} without a value, or any other form leaves the word unresolved.
	 */
	private Expansion expand(String text, Map<String, String> scope) {
		StringBuilder out = new StringBuilder();
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == escape && i + 1 < text.length() && quote != '\'') {
				out.append(text.charAt(++i));
			}
			else if (quote == 0 && (c == '"' || c == '\'')) {
				quote = c;
			}
			else if (c == quote) {
				quote = 0;
			}
			else if (c == '$' && quote != '\'' && i + 1 < text.length()) {
				int end;
				String name;
				String operator = null;
				String word = null;
				if (text.charAt(i + 1) == '{') {
					end = text.indexOf('}', i + 2);
					if (end < 0) {
						return Expansion.missing(text.substring(i));
					}
					String inner = text.substring(i + 2, end);
					Matcher nameMatch = NAME.matcher(inner);
					if (!nameMatch.lookingAt()) {
						return Expansion.missing("${" + inner + "}");
					}
					name = nameMatch.group();
					String tail = inner.substring(name.length());
					if (!tail.isEmpty()) {
						Matcher form = Pattern.compile("(:?[-+])(.*)", Pattern.DOTALL).matcher(tail);
						if (!form.matches()) {
							return Expansion.missing("${" + inner + "}");
						}
						operator = form.group(1);
						word = form.group(2);
					}
				}
				else {
					Matcher nameMatch = NAME.matcher(text).region(i + 1, text.length());
					if (!nameMatch.lookingAt()) {
						out.append(c);
						continue;
					}
					name = nameMatch.group();
					end = nameMatch.end() - 1;
				}
				if (!scope.containsKey(name)) {
					return Expansion.missing("$" + name);
				}
				String value = scope.get(name);
				boolean set = operator != null && operator.startsWith(":") ? value != null && !value.isEmpty() : value != null;
				if (operator == null) {
					if (value == null) {
						return Expansion.missing("$" + name);
					}
					out.append(value);
				}
				else if (operator.endsWith("-")) {
					if (set) {
						out.append(value);
					}
					else {
						Expansion fallback = expand(word, scope);
						if (fallback.value().isEmpty()) {
							return fallback;
						}
						out.append(fallback.value().get());
					}
				}
				else if (set) {
					Expansion alternative = expand(word, scope);
					if (alternative.value().isEmpty()) {
						return alternative;
					}
					out.append(alternative.value().get());
				}
				i = end;
			}
			else {
				out.append(c);
			}
		}
		return Expansion.of(out.toString());
	}

}
