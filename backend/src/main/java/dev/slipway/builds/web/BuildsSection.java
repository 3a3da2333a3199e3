package dev.slipway.builds.web;

import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.builds.Build;
import dev.slipway.builds.BuildService;

import org.springframework.stereotype.Component;

/**
 * The activity tab's builds: status, buildpack, commit and duration, each linking to its output,
 * and the newest build's output, live while it runs.
 */
@Component
class BuildsSection implements AppPageSection {

	private static final int SHOWN = 20;

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
		List<Build> recent = builds.recent(app, SHOWN);
		model.put("builds", recent);
		recent.stream().findFirst().ifPresent(latest -> putLatest(latest, model));
	}

	@Override
	public Map<String, AppPagePart> parts() {
		return Map.of("builds", new AppPagePart("build/sections :: builds-table", this::populateTable), "latest-build",
				new AppPagePart("build/sections :: latest-build", this::populateLatest));
	}

	private void populateTable(App app, Map<String, Object> model) {
		model.put("builds", builds.recent(app, SHOWN));
	}

	/** The newest build with its output so far, followed live on the page while it runs. */
	private void populateLatest(App app, Map<String, Object> model) {
		builds.recent(app, 1).stream().findFirst().ifPresent(latest -> putLatest(latest, model));
	}

	private void putLatest(Build latest, Map<String, Object> model) {
		model.put("latestBuild", latest);
		model.put("latestOutput", builds.output(latest));
	}

}
