package dev.slipway.apps.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;

import org.springframework.stereotype.Component;

/** The settings tab's danger zone: deleting the app after typing its name. */
@Component
class DeleteAppSection implements AppPageSection<App> {

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
	public App model(App app, Flashed flashed) {
		return app;
	}

}
