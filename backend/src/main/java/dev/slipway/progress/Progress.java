package dev.slipway.progress;

/**
 * Where the progress of a deploy or other change to an app goes (the push output, the build record,
 * the app log), one line at a time, in the style of Heroku's push output: step headers, details
 * indented by 7 spaces, warnings and errors marked with {@code !}. Its own module, so that every
 * feature that reports progress need not depend on the one that builds. Text longer than
 * {@link #MAX_TEXT_LENGTH} is cut: messages quote what users pushed, which may be of any length.
 */
@FunctionalInterface
public interface Progress {

	String STEP = "-----> ";

	String DETAIL = "       ";

	String ERROR = " !     ";

	/** As long as one line's text may be, as a log line. */
	int MAX_TEXT_LENGTH = 10_000;

	/** For work that runs outside a push, where nobody reads the lines. */
	Progress DISCARD = line -> {
	};

	/** One line, already formatted. */
	void line(String line);

	default void step(String text) {
		line(STEP + bounded(text));
	}

	default void detail(String text) {
		text.lines().forEach(line -> line(DETAIL + bounded(line)));
	}

	default void warning(String text) {
		text.lines().forEach(line -> line(ERROR + "Warning: " + bounded(line)));
	}

	default void error(String text) {
		text.lines().forEach(line -> line(ERROR + bounded(line)));
	}

	private static String bounded(String text) {
		return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "…";
	}

}
