package dev.slipway.releases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppLocks;
import dev.slipway.progress.RecordingProgress;
import dev.slipway.runtime.Dyno;
import dev.slipway.runtime.DynoState;
import dev.slipway.runtime.FakeDynoRuntime;
import dev.slipway.runtime.Formation;
import dev.slipway.test.InMemoryRepositories;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The release end of a push, without Docker or a database: a built image becomes release vN, which
 * rolls out through the runtime's SPI (here {@link FakeDynoRuntime}) and is recorded with its outcome.
 */
class ReleaseServiceTest {

	private static final long APP_ID = 1;

	private final App app = app();

	private final List<Object> events = new ArrayList<>();

	private final Releases recorded = InMemoryRepositories.of(Releases.class, events::add);

	private final FakeDynoRuntime runtime = new FakeDynoRuntime();

	private final ReleaseService releases = ReleasesWithoutDocker.service(recorded, runtime, events::add,
			new AppLocks(Duration.ofSeconds(5)));

	@Test
	void aBuiltImageIsReleasedAndRunsItsWebDyno() {
		RecordingProgress push = new RecordingProgress();

		Release release = releases.deploy(app, image(1, Map.of("web", "serve", "worker", "work")),
				Map.of("GREETING", "hello"), new ReleaseOptions(null, Map.of()), "dev@example.com", push);

		assertThat(push.lines()).containsSubsequence("-----> Released v1 to the fake runtime", "-----> Released v1",
				"       http://my-app.localhost:8000/ deployed");
		assertThat(release.version()).isEqualTo(1);
		assertThat(release.status()).isEqualTo(ReleaseStatus.SUCCEEDED);
		assertThat(recorded.findByAppIdAndVersion(APP_ID, 1)).get()
			.satisfies(saved -> assertThat(saved.config()).containsEntry("GREETING", "hello"));
		assertThat(releases.current(app)).get().extracting(Release::version).isEqualTo(1);
		assertThat(runtime.formation(app)).extracting(Formation::processType, Formation::quantity)
			.containsExactly(tuple("web", 1), tuple("worker", 0));
		assertThat(runtime.dynos(app)).extracting(Dyno::name, Dyno::release, Dyno::state)
			.containsExactly(tuple("web.1", 1, DynoState.UP));
		assertThat(events).contains(new ReleaseChanged(APP_ID));
	}

	@Test
	void aFailedReleasePhaseLeavesThePreviousReleaseRunning() {
		releases.deploy(app, image(1, Map.of("web", "serve")), Map.of(), new ReleaseOptions(null, Map.of()),
				"dev@example.com", new RecordingProgress());
		RecordingProgress push = new RecordingProgress();

		Release failed = releases.deploy(app, image(2, Map.of("web", "serve", "release", "exit 3")), Map.of(),
				new ReleaseOptions(null, Map.of()), "dev@example.com", push);

		assertThat(failed.version()).isEqualTo(2);
		assertThat(failed.status()).isEqualTo(ReleaseStatus.FAILED);
		assertThat(push.text()).contains("v2 was not deployed; what ran before keeps running.")
			.doesNotContain("Released v2");
		assertThat(releases.current(app)).get().extracting(Release::version).isEqualTo(1);
		assertThat(runtime.dynos(app)).extracting(Dyno::name, Dyno::release).containsExactly(tuple("web.1", 1));
	}

	@Test
	void aConfigChangeReleasesTheRunningImageWithTheNewConfig() {
		releases.deploy(app, image(1, Map.of("web", "serve")), Map.of("A", "1"), new ReleaseOptions(null, Map.of()),
				"dev@example.com", new RecordingProgress());

		Release changed = releases.reconfigure(app, Map.of("A", "2"), "Set A", "dev@example.com",
				new RecordingProgress());

		assertThat(changed.version()).isEqualTo(2);
		assertThat(changed.imageTag()).isEqualTo("slipway-app/my-app:build-1");
		assertThat(changed.config()).containsEntry("A", "2");
		assertThat(releases.recent(app, 10)).extracting(Release::version).containsExactly(2, 1);
		assertThat(runtime.dynos(app)).extracting(Dyno::name, Dyno::release).containsExactly(tuple("web.1", 2));
	}

	private static BuiltImage image(long buildId, Map<String, String> processCommands) {
		return new BuiltImage(buildId, "0123456789abcdef0123456789abcdef01234567", "dockerfile", "sha256:" + buildId,
				"slipway-app/my-app:build-" + buildId, processCommands);
	}

	private static App app() {
		App app = Mockito.mock(App.class);
		Mockito.when(app.id()).thenReturn(APP_ID);
		Mockito.when(app.name()).thenReturn("my-app");
		return app;
	}

}
