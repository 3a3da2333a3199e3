package dev.slipway.runtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How dynos run: the port they get as $PORT, how long web dynos have to bind it (longer for JVM
 * apps), how long a stopping dyno gets after SIGTERM, the release phase's limit, the pids limit, and
 * the address range the apps' networks are carved from (a /24 each by default).
 */
@ConfigurationProperties("slipway.runtime")
public record RuntimeSettings(@DefaultValue("5000") int port, @DefaultValue("60s") Duration bootTimeout,
		@DefaultValue("90s") Duration jvmBootTimeout, @DefaultValue("30s") Duration stopTimeout,
		@DefaultValue("1h") Duration releasePhaseTimeout, @DefaultValue("512") long pidsLimit,
		@DefaultValue("standard-1x") String defaultSize, @DefaultValue("10.213.0.0/16") String appNetworkPool,
		@DefaultValue("24") int appNetworkPrefix) {

	public Duration bootTimeout(boolean jvm) {
		return jvm ? jvmBootTimeout : bootTimeout;
	}

}
