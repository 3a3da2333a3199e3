package dev.slipway.builds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Slipway's labels as one {@code LABEL} line at the end of the stage a build stops at. Docker's classic
 * builder turns each label passed with the build into a step of its own, and every step creates a
 * container and commits a layer: four labels cost four commits, a good part of a small app's build.
 * One line costs one. Empty when the Dockerfile is one this cannot extend safely (an escape directive,
 * a last line that continues, a stage it cannot find, a value that would need quoting): the build then
 * passes the labels to Docker as before.
 */
final class DockerfileLabels {

	/** Values written as they are: Slipway's own names and numbers, which need no quoting. */
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

	private static final Pattern FROM = Pattern.compile("(?i)^\\s*FROM\\s+\\S+(?:\\s+AS\\s+(\\S+))?\\s*$");

	private static final Pattern DIRECTIVE = Pattern.compile("(?i)^#\\s*escape\\s*=");

	private DockerfileLabels() {
	}

	/** The Dockerfile with the labels added to stage {@code target} (null: the last stage). */
	static Optional<String> add(String dockerfile, String target, Map<String, String> labels) {
		if (labels.isEmpty() || !labels.entrySet().stream().allMatch(label -> PLAIN.matcher(label.getKey()).matches()
				&& PLAIN.matcher(label.getValue()).matches())) {
			return Optional.empty();
		}
		List<String> lines = dockerfile.lines().toList();
		if (lines.stream().takeWhile(line -> line.startsWith("#")).anyMatch(line -> DIRECTIVE.matcher(line).find())) {
			return Optional.empty();
		}
		String label = "LABEL " + new TreeMap<>(labels).entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(" "));
		Integer insertAt = null;
		boolean inTarget = target == null;
		boolean continuing = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String stripped = line.strip();
			if (stripped.isEmpty() || stripped.startsWith("#")) {
				continue;
			}
			if (!continuing) {
				Matcher from = FROM.matcher(line);
				if (from.matches()) {
					if (inTarget && target != null) {
						insertAt = i;
						break;
					}
					inTarget = target == null || target.equalsIgnoreCase(from.group(1));
				}
			}
			continuing = stripped.endsWith("\\");
		}
		if (!inTarget || (insertAt == null && continuing)) {
			return Optional.empty();
		}
		if (insertAt == null) {
			return Optional.of(dockerfile + (dockerfile.endsWith("\n") ? "" : "\n") + label + "\n");
		}
		String before = String.join("\n", lines.subList(0, insertAt));
		String after = String.join("\n", lines.subList(insertAt, lines.size()));
		return Optional.of(before + "\n" + label + "\n" + after + "\n");
	}

}
