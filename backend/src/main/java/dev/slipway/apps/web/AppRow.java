package dev.slipway.apps.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.slipway.apps.App;
import dev.slipway.apps.AppSummary;

/**
 * A row of the apps list, its texts made here: the template evaluated a dozen expressions per app,
 * and rendering them was most of the list's CPU with 50 apps. Public so that the template's compiled
 * expressions call its accessors directly instead of by reflection.
 */
public record AppRow(String name, String state, String stateClass, String url, String release, Instant deployedAt,
		String deployed) {

	private static final DateTimeFormatter DEPLOYED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.systemDefault());

	static AppRow of(App app, AppSummary summary) {
		return new AppRow(app.name(), summary.state(), "status status-" + summary.state().replace(' ', '-'),
				summary.url(), summary.release() == null ? "—" : "v" + summary.release(), summary.lastDeployAt(),
				summary.lastDeployAt() == null ? "—" : DEPLOYED.format(summary.lastDeployAt()));
	}

}
