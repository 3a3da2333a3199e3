package dev.slipway.apps;

import java.util.Map;

/**
 * A part of an app's dashboard page that a feature contributes (the builds on the activity tab,
 * the buildpack on the settings tab, …), so the page grows with the features without knowing them.
 * The feature's own controller handles the section's forms.
 */
public interface AppPageSection {

	AppTab tab();

	/** Where on the tab the section goes: lower comes first. */
	int order();

	/** The Thymeleaf fragment that renders it, such as {@code "build/sections :: builds"}. */
	String fragment();

	/**
	 * Puts what the fragment shows into the page's model. The model already holds what the request
	 * carries, such as the flashed text of a refused form, which a section keeps ({@code putIfAbsent}).
	 */
	void populate(App app, Map<String, Object> model);

	/** The pieces the page fetches again on its own, by name, served at {@code /apps/<app>/parts/<name>}. */
	default Map<String, AppPagePart> parts() {
		return Map.of();
	}

}
