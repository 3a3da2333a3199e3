package dev.slipway.releases.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseService;
import dev.slipway.router.Router;

import org.springframework.stereotype.Component;

/** The overview's head: where the app answers and which release runs. */
@Component
class CurrentReleaseSection implements AppPageSection<CurrentReleaseSection.View> {

	private final ReleaseService releases;

	private final Router router;

	CurrentReleaseSection(ReleaseService releases, Router router) {
		this.releases = releases;
		this.router = router;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.OVERVIEW, 100, new AppPageFragment("releases/sections", "current"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(router.url(app.name()), releases.current(app).orElse(null));
	}

	/** The release is null before the first deploy, which the fragment tells. */
	public record View(String webUrl, Release currentRelease) {
	}

}
