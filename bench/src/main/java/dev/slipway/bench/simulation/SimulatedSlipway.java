package dev.slipway.bench.simulation;

import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Slipway as {@code SlipwayApplication} assembles it, with the Docker runtime (its SPI
 * implementations and its start-up reconciler) swapped for {@link SimulatedDynoRuntime} and
 * {@link SimulatedLogSources}, and without the watch on the dynos' disk use, which reads Docker.
 * Not a {@code @Configuration}, so Slipway's own component scan, which covers this package in the
 * benchmarks' class path, never picks it up.
 */
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "dev.slipway")
@ComponentScan(basePackages = "dev.slipway", excludeFilters = {
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.REGEX, pattern = { "dev\\.slipway\\.SlipwayApplication",
				"dev\\.slipway\\.runtime\\.(DockerDynoRuntime|DockerLogSources|RuntimeReconciler|DynoDiskWatch)" }) })
@ConfigurationPropertiesScan("dev.slipway")
@EnableScheduling
@Import({ SimulatedDynoRuntime.class, SimulatedLogSources.class, StartClock.class })
public class SimulatedSlipway {

}
