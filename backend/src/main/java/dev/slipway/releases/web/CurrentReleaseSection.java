package dev.slipway.releases.web;

import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.releases.ReleaseService;
import dev.slipway.router.Router;

import org.springframework.stereotype.Component;

/** The overview's head: where the app answers and which release runs. */
@Component
class CurrentReleaseSection implements AppPageSection {

	private final ReleaseService releases;

	private final Router router;

	CurrentReleaseSection(ReleaseService releases, Router router) {
		this.releases = releases;
		this.router = router;
	}

	@Override
	public AppTab tab() {
		return AppTab.OVERVIEW;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public String fragment() {
		return "releases/sections :: current";
	}

	@Override
	public void populate(App app, Map<String, Object> model) {
		model.put("webUrl", router.url(app.name()));
		model.put("currentRelease", releases.current(app).orElse(null));
	}

}
