package dev.slipway.releases.web;

import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.apps.AppSummaries;
import dev.slipway.apps.AppSummary;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseBuilds;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseStatus;
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

	private final ReleaseService releases;

	private final ReleaseBuilds builds;

	private final Router router;

	RunningAppSummaries(DynoRuntime runtime, ReleaseService releases, ReleaseBuilds builds, Router router) {
		this.runtime = runtime;
		this.releases = releases;
		this.builds = builds;
		this.router = router;
	}

	@Override
	public AppSummary of(App app) {
		Release current = releases.current(app).orElse(null);
		return new AppSummary(state(app, current), router.url(app.name()), current == null ? null : current.version(),
				current == null ? null : current.createdAt());
	}

	private String state(App app, Release current) {
		boolean deploying = builds.building(app)
				|| releases.recent(app, 1).stream().anyMatch(release -> release.status() == ReleaseStatus.PENDING);
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
