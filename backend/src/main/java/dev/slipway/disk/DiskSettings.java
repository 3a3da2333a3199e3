package dev.slipway.disk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Docker disk housekeeping: how often it runs, how old an untagged (dangling) image must be before it
 * is removed (younger ones may belong to a build still running), and how much build cache Docker keeps.
 */
@ConfigurationProperties("slipway.disk")
record DiskSettings(@DefaultValue("1h") Duration collectInterval, @DefaultValue("24h") Duration danglingImageAge,
		@DefaultValue("10GB") DataSize buildCacheSize) {
}
