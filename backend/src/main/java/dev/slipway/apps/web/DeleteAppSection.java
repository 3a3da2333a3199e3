package dev.slipway.apps.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;

import org.springframework.stereotype.Component;

/** The settings tab's danger zone: deleting the app after typing its name. */
@Component
class DeleteAppSection implements AppPageSection<App> {

	@Override
	public Slot slot() {
		return new Slot(AppTab.SETTINGS, 1000, new AppPageFragment("apps/sections", "delete-app"));
	}

	@Override
	public App model(App app, Flashed flashed) {
		return app;
	}

}
