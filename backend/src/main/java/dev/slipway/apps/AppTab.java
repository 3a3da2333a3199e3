package dev.slipway.apps;

import java.util.Locale;

/** The tabs of an app's dashboard page, in the order shown; a tab appears when a section is on it. */
public enum AppTab {

	OVERVIEW, ACTIVITY, LOGS, RESOURCES, SETTINGS;

	/** The tab's segment in the page's path, and its label in lower case. */
	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

}
