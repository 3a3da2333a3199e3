package dev.slipway.builds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of a build's output: how much text and how many lines one build keeps and shows (the rest is
 * left out after one truncation line), and for how many of an app's newest builds the output is kept.
 */
@ConfigurationProperties("slipway.build.output")
record BuildOutputSettings(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("100000") int maxLines,
		@DefaultValue("50") int keptBuilds) {

	BuildOutputSettings {
		if (maxSize.toBytes() < 1024 || maxLines < 10 || keptBuilds < 1) {
			throw new IllegalArgumentException("slipway.build.output needs max-size of at least 1KB, max-lines of at "
					+ "least 10 and kept-builds of at least 1 (SLIPWAY_BUILD_OUTPUT_MAX_SIZE, "
					+ "SLIPWAY_BUILD_OUTPUT_MAX_LINES, SLIPWAY_BUILD_OUTPUT_KEPT_BUILDS)");
		}
	}

}
