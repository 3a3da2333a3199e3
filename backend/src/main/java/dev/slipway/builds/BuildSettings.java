package dev.slipway.builds;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Build limits: how long a build may take, the memory its containers get, and an optional folder of
 * buildpacks of the operator's own.
 */
@ConfigurationProperties("slipway.build")
record BuildSettings(@DefaultValue("15m") Duration timeout, @DefaultValue("2GB") DataSize memory, String buildpacksDir) {

	Path userBuildpacks() {
		return buildpacksDir == null || buildpacksDir.isBlank() ? null : Path.of(buildpacksDir);
	}

}
