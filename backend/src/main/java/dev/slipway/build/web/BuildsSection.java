package dev.slipway.build.web;

import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.build.BuildService;

import org.springframework.stereotype.Component;

/** The activity tab's builds: status, buildpack, commit and duration, each linking to its output. */
@Component
class BuildsSection implements AppPageSection {

	static final int SHOWN = 20;

	private final BuildService builds;

	BuildsSection(BuildService builds) {
		this.builds = builds;
	}

	@Override
	public AppTab tab() {
		return AppTab.ACTIVITY;
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public String fragment() {
		return "build/sections :: builds";
	}

	@Override
	public void populate(App app, Map<String, Object> model) {
		model.put("builds", builds.recent(app, SHOWN));
	}

}
