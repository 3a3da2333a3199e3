package dev.slipway.builds.buildpack.staticsite;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticSiteBuildpackTest {

	private final StaticSiteBuildpack buildpack = new StaticSiteBuildpack();

	@Test
	void servesPublicWhenTheIndexIsThere() {
		assertThat(buildpack.plan(InMemorySourceTree.of("public/index.html", ""), BuildConfig.NONE, new RecordingProgress())
			.defaultProcessTypes()).containsEntry("web", "busybox httpd -f -v -p $PORT -h /app/public");
	}

	@Test
	void servesTheRootOtherwise() {
		assertThat(buildpack.plan(InMemorySourceTree.of("index.html", "", "public/index.html", ""), BuildConfig.NONE,
				new RecordingProgress())
			.defaultProcessTypes()).containsEntry("web", "busybox httpd -f -v -p $PORT -h /app");
	}

}
