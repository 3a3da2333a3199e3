package dev.slipway.runtime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Heroku's memory settings for a dyno's size, by the kind of app a buildpack makes. They go into
 * the dyno's environment where the container is created, as the size differs per process type; a
 * config var the app set always wins.
 */
public enum MemoryDefaults {

	/** A heap (and on small dynos, thread stacks and JIT threads) that fits the size, as Heroku's JVM buildpack. */
	JVM,

	/** {@code WEB_MEMORY} per process and {@code WEB_CONCURRENCY} processes that fit, as Heroku's Node.js buildpack. */
	NODE;

	static final String DEFAULT_WEB_MEMORY_MIB = "512";

	/** The kind a buildpack's {@code memory_defaults} names; empty for none or an unknown one. */
	public static Optional<MemoryDefaults> of(String name) {
		return Arrays.stream(values()).filter(kind -> kind.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
	}

	/** The variables to add to a dyno of {@code size} whose config is {@code config}. */
	Map<String, String> env(DynoSize size, Map<String, String> config) {
		Map<String, String> env = new LinkedHashMap<>();
		switch (this) {
			case JVM -> env.put("JAVA_TOOL_OPTIONS", heap(size) + " -Dfile.encoding=UTF-8");
			case NODE -> {
				String webMemory = config.getOrDefault("WEB_MEMORY", DEFAULT_WEB_MEMORY_MIB);
				env.put("WEB_MEMORY", webMemory);
				concurrency(size, webMemory).ifPresent(processes -> env.put("WEB_CONCURRENCY", processes));
			}
		}
		env.keySet().removeAll(config.keySet());
		return env;
	}

	/** Heroku's values per size. */
	private static String heap(DynoSize size) {
		return switch (size) {
			case BASIC, STANDARD_1X -> "-Xmx300m -Xss512k -XX:CICompilerCount=2";
			case STANDARD_2X -> "-Xmx671m -XX:CICompilerCount=2";
			case PERFORMANCE_M -> "-Xmx2g";
			case PERFORMANCE_L -> "-Xmx12g";
		};
	}

	/** As many processes of {@code webMemory} MiB as fit, at least one; none for a WEB_MEMORY that is not a size. */
	private static Optional<String> concurrency(DynoSize size, String webMemory) {
		long perProcess;
		try {
			perProcess = Long.parseLong(webMemory.strip());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (perProcess < 1) {
			return Optional.empty();
		}
		return Optional.of(String.valueOf(Math.max(1, size.memoryMib() / perProcess)));
	}

}
