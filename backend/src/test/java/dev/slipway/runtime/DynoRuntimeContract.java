package dev.slipway.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.progress.Progress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DynoRuntime} does, whatever runs its dynos. An implementation's test supplies
 * the runtime, fresh apps and a release whose web process serves on $PORT and whose image has a
 * POSIX shell.
 */
abstract class DynoRuntimeContract {

	protected abstract DynoRuntime runtime();

	/** An app of its own for each test, with nothing deployed. */
	protected abstract App newApp();

	/** Release v1 of {@code app}, with a web process type. */
	protected abstract DeploySpec release(App app);

	@Test
	void aFirstDeployRunsOneWebDynoOfTheReleaseAndItIsUp() {
		App app = newApp();
		DeploySpec release = release(app);

		runtime().deploy(release, Progress.DISCARD);

		assertThat(running(app)).singleElement().satisfies(dyno -> {
			assertThat(dyno.name()).isEqualTo("web.1");
			assertThat(dyno.processType()).isEqualTo(ProcessType.WEB);
			assertThat(dyno.release()).isEqualTo(release.version());
			assertThat(dyno.state()).isEqualTo(DynoState.UP);
		});
		assertThat(runtime().formation(app)).anySatisfy(type -> {
			assertThat(type.processType()).isEqualTo(ProcessType.WEB);
			assertThat(type.quantity()).isEqualTo(1);
		});
	}

	@Test
	void scalingWebUpStartsDynosThatAreUpAndScalingDownStopsTheExtraOnes() {
		App app = newApp();
		runtime().deploy(release(app), Progress.DISCARD);

		runtime().scale(app, List.of(new FormationUpdate(ProcessType.WEB, 2, null)), "contract@slipway.test");
		assertThat(running(app)).extracting(Dyno::name).containsExactly("web.1", "web.2");
		assertThat(running(app)).allSatisfy(dyno -> assertThat(dyno.state()).isEqualTo(DynoState.UP));

		runtime().scale(app, List.of(new FormationUpdate(ProcessType.WEB, 1, null)), "contract@slipway.test");
		assertThat(running(app)).extracting(Dyno::name).containsExactly("web.1");
	}

	@Test
	void aOneOffCommandStreamsItsOutputAndReturnsItsExitStatus() {
		App app = newApp();
		runtime().deploy(release(app), Progress.DISCARD);
		List<String> output = new ArrayList<>();

		int status = runtime().runAttached(app, "echo hello from a one-off; exit 3", output::add, Duration.ofMinutes(1));

		assertThat(status).isEqualTo(3);
		assertThat(output).contains("hello from a one-off");
	}

	@Test
	void stoppingAnAppLeavesItNoDynos() {
		App app = newApp();
		runtime().deploy(release(app), Progress.DISCARD);

		runtime().stop(app);

		assertThat(runtime().dynos(app)).isEmpty();
	}

	@Test
	void theDeployedReleaseIsTheOneRolledOut() {
		App app = newApp();
		assertThat(runtime().deployedRelease(app)).isEmpty();

		DeploySpec release = release(app);
		runtime().deploy(release, Progress.DISCARD);

		assertThat(runtime().deployedRelease(app)).hasValue(release.version());
	}

	/** The dynos that run: stopping ones may linger a while, however the runtime stops them. */
	private List<Dyno> running(App app) {
		return runtime().dynos(app).stream().filter(dyno -> dyno.state() != DynoState.STOPPING).toList();
	}

	static DeploySpec webRelease(App app, String image, Map<String, String> processTypes, boolean builtByBuildpack) {
		return new DeploySpec(app.id(), app.name(), 1, image, processTypes, Map.of(), Duration.ofSeconds(20), null, null,
				builtByBuildpack, Map.of());
	}

}
