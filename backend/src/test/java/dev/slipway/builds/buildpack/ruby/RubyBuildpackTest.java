package dev.slipway.builds.buildpack.ruby;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RubyBuildpackTest {

	private final RubyBuildpack buildpack = new RubyBuildpack();

	@Test
	void deploysFromTheLockfileOfflineWithAVendorCacheAndRacksUp() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("Gemfile", "", "Gemfile.lock", "",
				"vendor/cache/rack-3.0.gem", "", "config.ru", ""), BuildConfig.NONE, new RecordingProgress());
		assertThat(plan.variables()).containsEntry("manifests", "Gemfile Gemfile.lock")
			.containsEntry("deployment", "true")
			.containsEntry("vendorCache", true);
		assertThat(plan.defaultProcessTypes()).containsEntry("web", "bundle exec rackup --host 0.0.0.0 --port $PORT");
	}

	@Test
	void warnsWithoutALockfile() {
		RecordingProgress log = new RecordingProgress();
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("Gemfile", ""), BuildConfig.NONE, log);
		assertThat(plan.variables()).containsEntry("deployment", "false");
		assertThat(plan.defaultProcessTypes()).isEmpty();
		assertThat(log.text()).contains("No Gemfile.lock");
	}

}
