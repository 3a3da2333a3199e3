package dev.slipway.releases;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.slipway.apps.App;
import dev.slipway.apps.AppLocks;
import dev.slipway.docker.DockerClients;
import dev.slipway.logs.UnstoredAppLogs;
import dev.slipway.router.RouterSettings;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.RuntimeSettings;
import dev.slipway.test.InMemoryRepositories;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A real {@link ReleaseService} without Docker or a database, for tests of the release end of a push:
 * releases kept in memory, dynos run by the given runtime, no built images to prune.
 */
public final class ReleasesWithoutDocker {

	private ReleasesWithoutDocker() {
	}

	public static ReleaseService service(DynoRuntime runtime, ApplicationEventPublisher events, AppLocks locks) {
		return service(InMemoryRepositories.of(Releases.class, events), runtime, events, locks);
	}

	static ReleaseService service(Releases recorded, DynoRuntime runtime, ApplicationEventPublisher events,
			AppLocks locks) {
		ReleaseBuilds builds = new NoBuildsToPrune();
		// No Docker: a release that reached for it would fail on these clients.
		DockerClients docker = new DockerClients(null, null, null, null);
		return new ReleaseService(recorded, runtime, builds,
				new RuntimeSettings(5000, Duration.ofSeconds(60), Duration.ofSeconds(90), Duration.ofSeconds(30),
						Duration.ofHours(1), 512, "standard-1x", "10.213.0.0/16", 24),
				new RouterSettings(8000, 443, "localhost", "", Duration.ofSeconds(5), Duration.ofSeconds(30), 100),
				new ImageRetention(recorded, builds, docker), docker, events, UnstoredAppLogs.create(), locks);
	}

	/** Builds as releases see them, with no buildpack needs and no images left to prune. */
	private static final class NoBuildsToPrune implements ReleaseBuilds {

		@Override
		public Optional<BuildpackNeeds> buildpack(String id) {
			return Optional.empty();
		}

		@Override
		public List<BuiltImage> withImages(App app) {
			return List.of();
		}

		@Override
		public void imageRemoved(long buildId) {
		}

		@Override
		public Set<Long> building(Collection<Long> appIds) {
			return Set.of();
		}

	}

}
