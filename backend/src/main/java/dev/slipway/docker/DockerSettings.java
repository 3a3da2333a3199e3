package dev.slipway.docker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Docker Engine. The host defaults to {@code DOCKER_HOST} (or the local socket),
 * as the docker CLI does.
 */
@ConfigurationProperties("slipway.docker")
record DockerSettings(String host, @DefaultValue("2m") Duration responseTimeout) {
}
