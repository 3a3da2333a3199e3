package dev.slipway.build;

/**
 * Where a build's output goes, one line at a time, in the style of Heroku's push output: step
 * headers, details indented by 7 spaces, warnings and errors marked with {@code !}.
 */
@FunctionalInterface
public interface BuildLog {

	String STEP = "-----> ";

	String DETAIL = "       ";

	String ERROR = " !     ";

	/** For work that runs outside a push, where nobody reads the lines. */
	BuildLog DISCARD = line -> {
	};

	/** One line, already formatted. */
	void line(String line);

	default void step(String text) {
		line(STEP + text);
	}

	default void detail(String text) {
		text.lines().forEach(line -> line(DETAIL + line));
	}

	default void warning(String text) {
		text.lines().forEach(line -> line(ERROR + "Warning: " + line));
	}

	default void error(String text) {
		text.lines().forEach(line -> line(ERROR + line));
	}

}
