package dev.slipway.apps;

import java.util.Objects;
import java.util.function.Function;

/**
 * A piece of a section that changes while one looks at it, such as the dynos table: the fragment that
 * renders its model (seen there as {@code part}), and a stamp that differs whenever the piece shows
 * something else, which the page's change stream compares to tell the page to fetch the piece again.
 *
 * @param <M> what the fragment shows
 */
public record AppPagePart<M>(AppPageFragment fragment, Function<App, M> model, Function<App, ?> stamp) {

	/** A part whose model compares by value, so the model is its own stamp. */
	public AppPagePart(AppPageFragment fragment, Function<App, M> model) {
		this(fragment, model, model);
	}

	/** A short token of the stamp, which the page carries to the change stream. */
	public String version(App app) {
		return Integer.toHexString(Objects.hashCode(stamp.apply(app)));
	}

}
