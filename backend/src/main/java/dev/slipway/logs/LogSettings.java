package dev.slipway.logs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long logs are kept (by age and by count per app), and how many lines may wait in memory for
 * the store before new ones are dropped (and the drop reported).
 */
@ConfigurationProperties("slipway.logs")
record LogSettings(@DefaultValue("7d") Duration retention, @DefaultValue("100000") long retainedLines,
		@DefaultValue("200000") int bufferLines) {
}
