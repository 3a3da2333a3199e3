package dev.slipway.logs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long logs are kept (by age and by count per app), and how much memory the lines waiting for
 * the store may take; each app gets a fair share of it, and its containers' logs wait to be read
 * while that share is full.
 */
@ConfigurationProperties("slipway.logs")
record LogSettings(@DefaultValue("7d") Duration retention, @DefaultValue("100000") long retainedLines,
		@DefaultValue("64MB") DataSize bufferSize) {
}
