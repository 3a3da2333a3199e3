package dev.slipway.apps;

import java.util.Map;

/**
 * A part of an app's dashboard page that a feature contributes (the builds on the activity tab,
 * the buildpack on the settings tab, …), so the page grows with the features without knowing them.
 * The feature's own controller handles the section's forms.
 *
 * @param <M> what the section shows, which its fragment sees as {@code section}
 */
public interface AppPageSection<M> {

	/** Where the section goes and what renders it there. */
	Slot slot();

	/** What the fragment shows; a refused form's text comes back in what the request flashed. */
	M model(App app, Flashed flashed);

	/** The pieces that change while the page is open, by name, served at {@code /apps/<app>/parts/<name>}. */
	default Map<String, AppPagePart<?>> parts() {
		return Map.of();
	}

	/**
	 * The tab a section goes on, its place there (lower comes first) and the Thymeleaf fragment that
	 * renders its model, such as {@code builds} in {@code build/sections}.
	 */
	record Slot(AppTab tab, int order, AppPageFragment fragment) {
	}

}
