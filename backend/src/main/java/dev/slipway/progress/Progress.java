package dev.slipway.progress;

/**
 * Where the progress of a deploy or other change to an app goes (the push output, the build record,
 * the app log), one line at a time, in the style of Heroku's push output: step headers, details
 * indented by 7 spaces, warnings and errors marked with {@code !}. Its own module, so that every
 * feature that reports progress need not depend on the one that builds.
 */
@FunctionalInterface
public interface Progress {

	String STEP = "-----> ";

	String DETAIL = "       ";

	String ERROR = " !     ";

	/** For work that runs outside a push, where nobody reads the lines. */
	Progress DISCARD = line -> {
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
