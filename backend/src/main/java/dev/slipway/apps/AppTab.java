package dev.slipway.apps;

/** The tabs of an app's dashboard page that features contribute sections to. */
public enum AppTab {

	OVERVIEW, ACTIVITY, RESOURCES, SETTINGS

}
