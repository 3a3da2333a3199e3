package dev.slipway.builds.buildpack;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.SourceTree;
import dev.slipway.progress.Progress;

/**
 * The JDK a JVM app builds and runs with: {@code java.runtime.version} from {@code system.properties},
 * as on Heroku, from Debian's OpenJDK packages. The stack's release (trixie) has 21 and 25; 17 comes
 * from bookworm's archive and 11 from bullseye's, whose packages install on trixie as they are.
 */
public final class JavaRuntime {

	/** Each supported major, and the Debian release whose archive has it when the stack's does not. */
	static final Map<Integer, String> AVAILABLE = new TreeMap<>(Map.of(11, "bullseye", 17, "bookworm", 21, "", 25, ""));

	static final int DEFAULT = 21;

	private static final Pattern VERSION = Pattern.compile("^(?:1\\.)?(\\d+)");

	private JavaRuntime() {
	}

	/** An OpenJDK major version and the Debian archive to add for it (none when the stack's release has it). */
	public record Jdk(int major, String archive) {

		/** The template variables every JVM buildpack uses: {@code jdk} and, when needed, {@code archive}. */
		public Map<String, Object> variables() {
			return archive.isEmpty() ? Map.of("jdk", major) : Map.of("jdk", major, "archive", archive);
		}

	}

	public static Jdk version(SourceTree source, Progress log) {
		String requested = source.read("system.properties").map(JavaRuntime::runtimeVersion).orElse(null);
		if (requested == null) {
			log.detail("Using OpenJDK " + DEFAULT + " (set java.runtime.version in system.properties to choose)");
			return jdk(DEFAULT);
		}
		Matcher matcher = VERSION.matcher(requested.replaceFirst("^[A-Za-z]+-", ""));
		if (!matcher.find()) {
			throw new BuildFailed("system.properties asks for java.runtime.version=" + requested
					+ ", which is not a Java version; use one of " + AVAILABLE.keySet() + ".");
		}
		int major = Integer.parseInt(matcher.group(1));
		if (AVAILABLE.containsKey(major)) {
			log.detail("Using OpenJDK " + major + " (java.runtime.version=" + requested + ")");
			return jdk(major);
		}
		int newer = AVAILABLE.keySet().stream().filter(available -> available > major).findFirst().orElseThrow(
				() -> new BuildFailed("system.properties asks for Java " + major + ", which Debian does not package. "
						+ "Available: " + AVAILABLE.keySet() + "; set java.runtime.version to one of them."));
		log.warning("Debian packages no OpenJDK " + major + "; building and running with OpenJDK " + newer
				+ ", the nearest newer one, which runs Java " + major + " code. Available: " + AVAILABLE.keySet() + ".");
		return jdk(newer);
	}

	private static Jdk jdk(int major) {
		return new Jdk(major, AVAILABLE.get(major));
	}

	private static String runtimeVersion(String systemProperties) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(systemProperties));
		}
		catch (IOException ex) {
			return null;
		}
		String version = properties.getProperty("java.runtime.version");
		return version == null || version.isBlank() ? null : version.strip();
	}

}
