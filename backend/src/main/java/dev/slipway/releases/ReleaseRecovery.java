package dev.slipway.releases;

import java.util.OptionalInt;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.logs.AppLogs;
import dev.slipway.runtime.DynoRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, before the runtime adopts its containers and before the web server takes requests,
 * settles every release a crash left pending. The runtime's record of which release the router was
 * switched to decides: that one became current and its rollout finishes (the runtime retires the
 * old dynos); any other failed, and its containers (release phase, booting dynos) are removed, so
 * what ran before keeps running. Then {@link ReleasesRecovered} lets the rest catch up.
 */
@Component
class ReleaseRecovery implements SmartLifecycle {

	static final String INTERRUPTED = "Interrupted by a restart of Slipway before it was rolled out; what ran before keeps running.";

	private static final Logger log = LoggerFactory.getLogger(ReleaseRecovery.class);

	private final Releases releases;

	private final AppService apps;

	private final DynoRuntime dynos;

	private final AppLogs appLogs;

	private final ImageRetention retention;

	private final ApplicationEventPublisher events;

	private volatile boolean running;

	ReleaseRecovery(Releases releases, AppService apps, DynoRuntime dynos, AppLogs appLogs, ImageRetention retention,
			ApplicationEventPublisher events) {
		this.releases = releases;
		this.apps = apps;
		this.dynos = dynos;
		this.appLogs = appLogs;
		this.retention = retention;
		this.events = events;
	}

	@Override
	public void start() {
		for (App app : apps.all()) {
			settle(app);
		}
		events.publishEvent(new ReleasesRecovered());
		running = true;
	}

	private void settle(App app) {
		OptionalInt deployed = dynos.deployedRelease(app);
		boolean switched = false;
		for (Release release : releases.findByAppIdAndStatusOrderByVersionAsc(app.id(), ReleaseStatus.PENDING)) {
			if (deployed.isPresent() && deployed.getAsInt() == release.version()) {
				release.succeeded();
				switched = true;
				log.info("v{} of {} had been switched to when Slipway stopped; it is the current release", release.version(),
						app.name());
				appLogs.platform(app.id(), "api", "Release v" + release.version()
						+ " had been switched to when Slipway stopped; its rollout is finished now");
			}
			else {
				release.failed(INTERRUPTED);
				dynos.discard(app, release.version());
				log.info("v{} of {} was interrupted by a restart; it failed", release.version(), app.name());
				appLogs.platform(app.id(), "api", "Release v" + release.version() + " failed: " + INTERRUPTED);
			}
			releases.save(release);
		}
		if (switched) {
			retention.prune(app);
		}
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Before the runtime's reconciler (phase 0): it retires the dynos of every release but the deployed one. */
	@Override
	public int getPhase() {
		return -10;
	}

}
