package dev.slipway.apps;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A piece of a section that the page fetches again on its own, such as a table that changes while
 * one looks at it: the fragment that renders it and what it needs in the model.
 */
public record AppPagePart(String fragment, BiConsumer<App, Map<String, Object>> populate) {

}
