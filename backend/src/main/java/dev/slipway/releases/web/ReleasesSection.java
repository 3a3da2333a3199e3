package dev.slipway.releases.web;

import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseService;

import org.springframework.stereotype.Component;

/** The activity tab's releases, each earlier one with a rollback button; the table refreshes itself. */
@Component
class ReleasesSection implements AppPageSection<ReleasesSection.View> {

	private final ReleaseService releases;

	ReleasesSection(ReleaseService releases) {
		this.releases = releases;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.ACTIVITY, 100, new AppPageFragment("releases/sections", "releases"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		return table(app);
	}

	@Override
	public Map<String, AppPagePart<?>> parts() {
		return Map.of("releases", new AppPagePart<>(slot().fragment().sibling("releases-table"), this::table, this::stamp));
	}

	/** Releases are entities, which compare by identity: what the table shows of them is compared instead. */
	private List<Object> stamp(App app) {
		View table = table(app);
		return List.of(table.currentVersion(),
				table.releases().stream().map(release -> release.version() + " " + release.status()).toList());
	}

	private View table(App app) {
		return new View(releases.recent(app, 30), releases.current(app).map(Release::version).orElse(0));
	}

	/** The recent releases and the version that runs, 0 before the first deploy. */
	public record View(List<Release> releases, int currentVersion) {
	}

}
