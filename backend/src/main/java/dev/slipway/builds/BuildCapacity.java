package dev.slipway.builds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the host builds take: the CPUs each build's containers may use, and how many builds
 * run at once; the others wait in a queue, their pushes told their place.
 */
@ConfigurationProperties("slipway.build")
record BuildCapacity(@DefaultValue("1") int cpus, @DefaultValue("2") int concurrency) {

	BuildCapacity {
		if (cpus < 1) {
			throw new IllegalArgumentException("slipway.build.cpus (SLIPWAY_BUILD_CPUS) must be 1 or more, not " + cpus);
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException(
					"slipway.build.concurrency (SLIPWAY_BUILD_CONCURRENCY) must be 1 or more, not " + concurrency);
		}
	}

}
