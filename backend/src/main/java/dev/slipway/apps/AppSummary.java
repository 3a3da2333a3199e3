package dev.slipway.apps;

import java.time.Instant;

/** An app as the apps list shows it: its state, where it answers, what release runs and since when. */
public record AppSummary(String state, String url, Integer release, Instant lastDeployAt) {

	public static AppSummary unknown() {
		return new AppSummary("no release", null, null, null);
	}

}
