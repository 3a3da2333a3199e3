package dev.slipway.apps.web;

import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;

import org.springframework.stereotype.Component;

/** The settings tab's danger zone: deleting the app after typing its name. */
@Component
class DeleteAppSection implements AppPageSection {

	@Override
	public AppTab tab() {
		return AppTab.SETTINGS;
	}

	@Override
	public int order() {
		return 1000;
	}

	@Override
	public String fragment() {
		return "apps/sections :: delete-app";
	}

	@Override
	public void populate(App app, Map<String, Object> model) {
		// The fragment needs only the app.
	}

}
