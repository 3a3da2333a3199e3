package dev.slipway.builds.web;

import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.builds.Buildpack;
import dev.slipway.builds.BuildpackCatalog;
import dev.slipway.builds.BuildpackSelection;

import org.springframework.stereotype.Component;

/** The settings tab's buildpack choice: detection, or one forced. */
@Component
class BuildpackSection implements AppPageSection<BuildpackSection.View> {

	private final BuildpackSelection selection;

	private final BuildpackCatalog catalog;

	BuildpackSection(BuildpackSelection selection, BuildpackCatalog catalog) {
		this.selection = selection;
		this.catalog = catalog;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.SETTINGS, 300, new AppPageFragment("build/sections", "buildpack"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(catalog.all(), selection.forced(app).map(Buildpack::id).orElse(""));
	}

	/** The forced buildpack's id is empty when Slipway detects it. */
	public record View(List<Buildpack> buildpacks, String forcedBuildpack) {
	}

}
