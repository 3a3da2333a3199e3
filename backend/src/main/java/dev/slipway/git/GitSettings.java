package dev.slipway.git;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of git pushes: the largest pack and object accepted, and how long a push waits for another
 * push to the same app to finish deploying before it is refused.
 */
@ConfigurationProperties("slipway.git")
record GitSettings(@DefaultValue("500MB") DataSize maxPackSize, @DefaultValue("100MB") DataSize maxObjectSize,
		@DefaultValue("10m") Duration queueTimeout) {
}
