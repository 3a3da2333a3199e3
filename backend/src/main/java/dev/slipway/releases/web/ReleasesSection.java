package dev.slipway.releases.web;

import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseService;

import org.springframework.stereotype.Component;

/** The activity tab's releases, each earlier one with a rollback button; the table refreshes itself. */
@Component
class ReleasesSection implements AppPageSection {

	private final ReleaseService releases;

	ReleasesSection(ReleaseService releases) {
		this.releases = releases;
	}

	@Override
	public AppTab tab() {
		return AppTab.ACTIVITY;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public String fragment() {
		return "releases/sections :: releases";
	}

	@Override
	public void populate(App app, Map<String, Object> model) {
		model.put("releases", releases.recent(app, 30));
		model.put("currentVersion", releases.current(app).map(Release::version).orElse(0));
	}

	@Override
	public Map<String, AppPagePart> parts() {
		return Map.of("releases", new AppPagePart("releases/sections :: releases-table", this::populate));
	}

}
