package dev.slipway.runtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** How much a dyno may write to its own filesystem, and how often that is checked. */
@ConfigurationProperties("slipway.runtime.dyno-disk")
record DynoDiskSettings(@DefaultValue("2GB") DataSize limit, @DefaultValue("30s") Duration checkInterval) {
}
