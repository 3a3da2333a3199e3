package dev.slipway.builds.buildpack.php;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhpBuildpackTest {

	private final PhpBuildpack buildpack = new PhpBuildpack();

	@Test
	void servesPublicWithComposerDependencies() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("composer.json", "{}", "composer.lock", "{}",
				"public/index.php", ""), BuildConfig.NONE, new RecordingProgress());
		assertThat(plan.variables()).containsEntry("composer", true).containsEntry("manifests", "composer.json composer.lock");
		assertThat(plan.defaultProcessTypes()).containsEntry("web", "php -S 0.0.0.0:$PORT -t public");
	}

	@Test
	void servesTheRootOfAPlainPhpApp() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("index.php", ""), BuildConfig.NONE, new RecordingProgress());
		assertThat(plan.variables()).containsEntry("composer", false);
		assertThat(plan.defaultProcessTypes()).containsEntry("web", "php -S 0.0.0.0:$PORT -t .");
	}

	@Test
	void comparesRequirePhpWithDebiansPhpAndWarnsWhenItDiffers() {
		RecordingProgress log = new RecordingProgress();
		buildpack.plan(InMemorySourceTree.of("composer.json", "{\"require\": {\"php\": \">=8.1,<9\"}}"), BuildConfig.NONE, log);
		assertThat(log.text()).contains("Using PHP 8.4 (require.php: >=8.1,<9)");
		RecordingProgress older = new RecordingProgress();
		buildpack.plan(InMemorySourceTree.of("composer.json", "{\"require\": {\"php\": \"~7.4|^8.0 <8.2\"}}"),
				BuildConfig.NONE, older);
		assertThat(older.text()).contains("Warning: composer.json requires PHP ~7.4|^8.0 <8.2")
			.contains("with PHP 8.4 instead");
		assertThat(PhpBuildpack.npmRange("^7.4 | ^8.0")).isEqualTo("^7.4 || ^8.0");
	}

}
