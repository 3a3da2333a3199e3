package dev.slipway.apps;

/**
 * Summarises an app for the apps list. The feature that knows what runs provides it, so the apps
 * list shows state and releases without the apps feature depending on them.
 */
public interface AppSummaries {

	AppSummary of(App app);

}
