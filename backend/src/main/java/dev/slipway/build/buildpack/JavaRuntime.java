package dev.slipway.build.buildpack;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.build.BuildFailed;
import dev.slipway.build.BuildLog;
import dev.slipway.build.SourceTree;

/**
 * The JDK a JVM app builds and runs with: {@code java.runtime.version} from {@code system.properties},
 * as on Heroku, mapped onto the OpenJDK versions the stack has.
 */
public final class JavaRuntime {

	static final List<Integer> AVAILABLE = List.of(21, 25);

	static final int DEFAULT = 21;

	private static final Pattern VERSION = Pattern.compile("^(?:1\\.)?(\\d+)");

	private JavaRuntime() {
	}

	public static int version(SourceTree source, BuildLog log) {
		String requested = source.read("system.properties").map(JavaRuntime::runtimeVersion).orElse(null);
		if (requested == null) {
			log.detail("Using OpenJDK " + DEFAULT + " (set java.runtime.version in system.properties to choose)");
			return DEFAULT;
		}
		Matcher matcher = VERSION.matcher(requested.replaceFirst("^[A-Za-z]+-", ""));
		if (!matcher.find()) {
			throw new BuildFailed("system.properties asks for java.runtime.version=" + requested
					+ ", which is not a Java version; use one of " + AVAILABLE + ".");
		}
		int major = Integer.parseInt(matcher.group(1));
		if (AVAILABLE.contains(major)) {
			log.detail("Using OpenJDK " + major + " (java.runtime.version=" + requested + ")");
			return major;
		}
		int newer = AVAILABLE.stream().filter(available -> available > major).findFirst().orElseThrow(
				() -> new BuildFailed("system.properties asks for Java " + major + ", which the stack does not have. "
						+ "Available: " + AVAILABLE + "; set java.runtime.version to one of them."));
		log.warning("The stack has no Java " + major + "; building and running with OpenJDK " + newer
				+ ", which runs Java " + major + " code. Available: " + AVAILABLE + ".");
		return newer;
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
