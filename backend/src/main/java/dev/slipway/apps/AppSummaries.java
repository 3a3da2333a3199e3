package dev.slipway.apps;

import java.util.List;
import java.util.Map;

/**
 * Summarises apps for the apps list. The feature that knows what runs provides it, so the apps
 * list shows state and releases without the apps feature depending on them.
 */
public interface AppSummaries {

	/** The summary of each app, by app id, in a few queries however many apps there are. */
	Map<Long, AppSummary> of(List<App> apps);

}
