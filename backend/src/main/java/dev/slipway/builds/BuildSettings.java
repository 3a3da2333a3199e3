package dev.slipway.builds;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Build limits: how long a build may take, the memory its containers get, the processes and threads
 * all builds' containers may hold at once, and an optional folder of buildpacks of the operator's own.
 */
@ConfigurationProperties("slipway.build")
record BuildSettings(@DefaultValue("15m") Duration timeout, @DefaultValue("2GB") DataSize memory, String buildpacksDir,
		@DefaultValue("2048") int pidsLimit) {

	BuildSettings {
		if (pidsLimit < 64) {
			throw new IllegalArgumentException("slipway.build.pids-limit must be at least 64");
		}
	}

	Path userBuildpacks() {
		return buildpacksDir == null || buildpacksDir.isBlank() ? null : Path.of(buildpacksDir);
	}

}
