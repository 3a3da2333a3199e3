package dev.slipway.releases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.slipway.apps.App;
import dev.slipway.apps.AppLocks;
import dev.slipway.docker.DockerClients;
import dev.slipway.errors.SlipwayException;
import dev.slipway.logs.AppLogs;
import dev.slipway.progress.Progress;
import dev.slipway.router.RouterSettings;
import dev.slipway.runtime.DeployFailed;
import dev.slipway.runtime.DeploySpec;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.MemoryDefaults;
import dev.slipway.runtime.RuntimeSettings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

/**
 * Releases v1, v2, …: each deploy, config change, add-on change and rollback makes one, runs its
 * release phase and rolls it out. A release that fails leaves the previous one running.
 */
@Service
public class ReleaseService {

	private final Releases releases;

	private final DynoRuntime dynos;

	private final ReleaseBuilds builds;

	private final RuntimeSettings runtime;

	private final RouterSettings router;

	private final ImageRetention retention;

	private final DockerClients docker;

	private final ApplicationEventPublisher events;

	private final AppLogs appLogs;

	private final AppLocks locks;

	ReleaseService(Releases releases, DynoRuntime dynos, ReleaseBuilds builds, RuntimeSettings runtime,
			RouterSettings router, ImageRetention retention, DockerClients docker, ApplicationEventPublisher events,
			AppLogs appLogs, AppLocks locks) {
		this.releases = releases;
		this.dynos = dynos;
		this.builds = builds;
		this.runtime = runtime;
		this.router = router;
		this.retention = retention;
		this.docker = docker;
		this.events = events;
		this.appLogs = appLogs;
		this.locks = locks;
	}

	/** Releases a successful build with the app's config: release phase, then rollout. */
	public Release deploy(App app, BuiltImage build, Map<String, String> config, ReleaseOptions options,
			String author, Progress log) {
		ReleaseDraft draft = new ReleaseDraft(build.buildId(), build.commitSha(), build.buildpack(), build.imageId(),
				build.imageTag(), build.processCommands(), config, options.healthCheck(),
				"Deploy " + build.commitSha().substring(0, 7), author);
		return release(app, draft, true, options.initialFormation(), log);
	}

	/** A new release of what runs with other config: a config or add-on change. */
	public Release reconfigure(App app, Map<String, String> config, String description, String author, Progress log) {
		Optional<Release> current = current(app);
		if (current.isEmpty()) {
			return null;
		}
		return release(app, ReleaseDraft.copyOf(current.get()).withConfig(config, description, author), false, Map.of(),
				log);
	}

	/** A new release with the image and config of release {@code version}; nobody reads its progress. */
	public Release rollback(App app, int version, String author) {
		return locks.with(app.id(), () -> {
			Release target = require(app, version);
			if (target.status() != ReleaseStatus.SUCCEEDED) {
				throw SlipwayException.conflict("release_never_ran",
						"v" + version + " never ran (" + target.status().name().toLowerCase() + "); roll back to one that did.");
			}
			if (docker.image(target.imageTag()).isEmpty()) {
				throw SlipwayException.conflict("image_removed", "The image of v" + version
						+ " was removed: Slipway keeps the images of the last " + ImageRetention.KEPT_RELEASES + " releases.");
			}
			ReleaseDraft draft = ReleaseDraft.copyOf(target).withConfig(target.config(), "Rollback to v" + version, author);
			Release release = release(app, draft, false, Map.of(), Progress.DISCARD);
			if (release.status() == ReleaseStatus.SUCCEEDED) {
				events.publishEvent(new ReleaseRolledBack(app.id(), app.name(), version, release.version(), author));
			}
			return release;
		});
	}

	/** The release that runs: the newest that rolled out. */
	public Optional<Release> current(App app) {
		return releases.findFirstByAppIdAndStatusOrderByVersionDesc(app.id(), ReleaseStatus.SUCCEEDED);
	}

	public List<Release> recent(App app, int limit) {
		return releases.findByAppIdOrderByVersionDesc(app.id(), Limit.of(limit));
	}

	public Release require(App app, int version) {
		return releases.findByAppIdAndVersion(app.id(), version)
			.orElseThrow(() -> SlipwayException.notFound("release_not_found", app.name() + " has no release v" + version + "."));
	}

	private Release release(App app, ReleaseDraft draft, boolean runReleasePhase, Map<String, Integer> initialFormation,
			Progress log) {
		return locks.with(app.id(), () -> {
			Release release = releases.save(new Release(app.id(), releases.lastVersion(app.id()) + 1, draft));
			DeploySpec spec = spec(app, release, initialFormation);
			try {
				if (runReleasePhase) {
					dynos.runReleasePhase(spec, log);
				}
				dynos.deploy(spec, log);
			}
			catch (DeployFailed ex) {
				release.failed(ex.getMessage());
				releases.save(release);
				log.error(ex.getMessage());
				log.error("v" + release.version() + " was not deployed; what ran before keeps running.");
				appLogs.platform(app.id(), "api", "Release v" + release.version() + " failed: " + ex.getMessage());
				return release;
			}
			release.succeeded();
			releases.save(release);
			appLogs.platform(app.id(), "api", release.description() + " by " + release.author());
			appLogs.platform(app.id(), "api", "Release v" + release.version() + " created by " + release.author());
			log.step("Released v" + release.version());
			log.detail(router.url(app.name()) + " deployed");
			retention.prune(app);
			return release;
		});
	}

	private DeploySpec spec(App app, Release release, Map<String, Integer> initialFormation) {
		Optional<ReleaseBuilds.BuildpackNeeds> buildpack = release.buildpack() == null ? Optional.empty()
				: builds.buildpack(release.buildpack());
		boolean jvm = buildpack.map(ReleaseBuilds.BuildpackNeeds::jvm).orElse(false);
		MemoryDefaults memoryDefaults = buildpack.map(ReleaseBuilds.BuildpackNeeds::memoryDefaults)
			.flatMap(MemoryDefaults::of)
			.orElse(null);
		return new DeploySpec(app.id(), app.name(), release.version(), release.imageTag(), release.processTypes(),
				ReleaseEnvironment.of(release.config(), jvm), runtime.bootTimeout(jvm), release.healthCheck(),
				memoryDefaults, buildpack.map(ReleaseBuilds.BuildpackNeeds::generatedDockerfile).orElse(false),
				initialFormation);
	}


}
