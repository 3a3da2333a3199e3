package dev.slipway.apps.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;

import org.springframework.stereotype.Component;

/** The settings tab's switch that lets an image whose user is root run its dynos as root. */
@Component
class DynoUserSection implements AppPageSection<App> {

	@Override
	public Slot slot() {
		return new Slot(AppTab.SETTINGS, 900, new AppPageFragment("apps/sections", "dyno-user"));
	}

	@Override
	public App model(App app, Flashed flashed) {
		return app;
	}

}
