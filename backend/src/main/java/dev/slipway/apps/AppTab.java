package dev.slipway.apps;

/** The tabs of an app's dashboard page that features contribute sections to. */
public enum AppTab {

	OVERVIEW(""), ACTIVITY("activity"), RESOURCES("resources"), SETTINGS("settings");

	private final String path;

	AppTab(String path) {
		this.path = path;
	}

	/** The tab's path below {@code /apps/<name>}, empty for the overview. */
	public String path() {
		return path;
	}

}
