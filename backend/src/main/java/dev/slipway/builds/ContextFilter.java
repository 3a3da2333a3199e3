package dev.slipway.builds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.github.dockerjava.core.GoLangFileMatch;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Which pushed files go into the build context: all but those {@code .dockerignore} excludes (for
 * Dockerfile builds, with Docker's rules) or {@code .slugignore} excludes (for buildpack builds,
 * with gitignore-style patterns as Heroku reads them).
 */
final class ContextFilter {

	private ContextFilter() {
	}

	static Predicate<String> forBuild(Buildpack buildpack, SourceTree source) {
		if (buildpack.usesOwnDockerfile()) {
			return source.read(".dockerignore").map(ContextFilter::dockerignore).orElse(path -> true);
		}
		return source.read(".slugignore").map(ContextFilter::slugignore).orElse(path -> true);
	}

	/** Docker's semantics: patterns match a path or any of its parents; the last match wins; '!' re-includes. */
	static Predicate<String> dockerignore(String text) {
		record Rule(String pattern, boolean exclude) {
		}
		List<Rule> rules = new ArrayList<>();
		for (String raw : text.split("\\R")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			boolean exclude = !line.startsWith("!");
			String pattern = clean(exclude ? line : line.substring(1).strip());
			if (!pattern.isEmpty()) {
				rules.add(new Rule(pattern, exclude));
			}
		}
		return path -> {
			if (path.equals("Dockerfile") || path.equals(".dockerignore")) {
				return true;
			}
			boolean excluded = false;
			for (Rule rule : rules) {
				if (matchesPathOrParent(rule.pattern(), path)) {
					excluded = rule.exclude();
				}
			}
			return !excluded;
		};
	}

	static Predicate<String> slugignore(String text) {
		IgnoreNode ignore = new IgnoreNode();
		try {
			ignore.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return path -> {
			String[] parts = path.split("/");
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < parts.length; i++) {
				if (i > 0) {
					prefix.append('/');
				}
				prefix.append(parts[i]);
				boolean directory = i < parts.length - 1;
				if (Boolean.TRUE.equals(ignore.checkIgnored(prefix.toString(), directory))) {
					return false;
				}
			}
			return true;
		};
	}

	private static boolean matchesPathOrParent(String pattern, String path) {
		String candidate = path;
		while (true) {
			if (GoLangFileMatch.match(pattern, candidate)) {
				return true;
			}
			int slash = candidate.lastIndexOf('/');
			if (slash < 0) {
				return false;
			}
			candidate = candidate.substring(0, slash);
		}
	}

	private static String clean(String pattern) {
		String cleaned = pattern.replace('\\', '/');
		while (cleaned.startsWith("/") || cleaned.startsWith("./")) {
			cleaned = cleaned.substring(cleaned.startsWith("/") ? 1 : 2);
		}
		while (cleaned.endsWith("/")) {
			cleaned = cleaned.substring(0, cleaned.length() - 1);
		}
		return cleaned;
	}

}
