package dev.slipway.releases.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.slipway.apps.App;
import dev.slipway.apps.AppSummaries;
import dev.slipway.apps.AppSummary;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseBuilds;
import dev.slipway.releases.ReleaseService;
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

	/** Apps per query, well under the parameters PostgreSQL takes in one statement. */
	static final int APPS_PER_QUERY = 1_000;

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
	public Map<Long, AppSummary> of(List<App> apps) {
		Map<Long, AppSummary> summaries = new HashMap<>();
		for (int from = 0; from < apps.size(); from += APPS_PER_QUERY) {
			List<App> chunk = apps.subList(from, Math.min(apps.size(), from + APPS_PER_QUERY));
			List<Long> ids = chunk.stream().map(App::id).toList();
			Map<Long, Release> current = releases.current(ids);
			Set<Long> deploying = new HashSet<>(builds.building(ids));
			deploying.addAll(releases.rollingOut(ids));
			for (App app : chunk) {
				Release release = current.get(app.id());
				summaries.put(app.id(), new AppSummary(state(app, release, deploying.contains(app.id())),
						router.url(app.name()), release == null ? null : release.version(),
						release == null ? null : release.createdAt()));
			}
		}
		return summaries;
	}

	private String state(App app, Release current, boolean deploying) {
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
