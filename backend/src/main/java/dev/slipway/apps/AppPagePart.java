package dev.slipway.apps;

import java.util.function.Function;

/**
 * A piece of a section that changes while one looks at it, such as the dynos table: the fragment that
 * renders its model, which the fragment sees as {@code part}.
 *
 * @param <M> what the fragment shows
 */
public record AppPagePart<M>(String fragment, Function<App, M> model) {

}
