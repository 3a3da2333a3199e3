package dev.slipway.releases.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.slipway.apps.App;
import dev.slipway.apps.AppSummaries;
import dev.slipway.apps.AppSummary;
import dev.slipway.releases.LatestReleases;
import dev.slipway.releases.LatestReleases.LatestRelease;
import dev.slipway.releases.ReleaseBuilds;
import dev.slipway.router.Router;
import dev.slipway.runtime.Dyno;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.DynoState;

import org.springframework.stereotype.Component;

/**
 * An app's state for the apps list: deploying while a build or release is under way, no release
 * before the first, crashed when a dyno crashed, up when dynos run, idle when none do.
 */
@Component
class RunningAppSummaries implements AppSummaries {

	private final DynoRuntime runtime;

	private final LatestReleases releases;

	private final ReleaseBuilds builds;

	private final Router router;

	RunningAppSummaries(DynoRuntime runtime, LatestReleases releases, ReleaseBuilds builds, Router router) {
		this.runtime = runtime;
		this.releases = releases;
		this.builds = builds;
		this.router = router;
	}

	@Override
	public Map<Long, AppSummary> of(List<App> apps) {
		List<Long> ids = apps.stream().map(App::id).toList();
		Map<Long, LatestRelease> latest = releases.of(ids);
		Set<Long> building = builds.building(ids);
		Map<Long, AppSummary> summaries = new HashMap<>();
		for (App app : apps) {
			LatestRelease release = latest.get(app.id());
			boolean deploying = building.contains(app.id()) || release != null && release.rollingOut();
			Integer current = release == null ? null : release.current();
			summaries.put(app.id(), new AppSummary(state(app, current, deploying), router.url(app.name()), current,
					current == null ? null : release.currentCreatedAt()));
		}
		return summaries;
	}

	private String state(App app, Integer current, boolean deploying) {
		if (deploying) {
			return "deploying";
		}
		if (current == null) {
			return "no release";
		}
		List<Dyno> running = runtime.dynos(app).stream().filter(dyno -> dyno.state() != DynoState.STOPPING).toList();
		if (running.isEmpty()) {
			return "idle";
		}
		if (running.stream().anyMatch(dyno -> dyno.state() == DynoState.CRASHED)) {
			return "crashed";
		}
		return running.stream().anyMatch(dyno -> dyno.state() == DynoState.UP) ? "up" : "starting";
	}

}
