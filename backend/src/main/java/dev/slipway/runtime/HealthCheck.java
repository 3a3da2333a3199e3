package dev.slipway.runtime;

/**
 * How a new web dyno proves it is up, from app.json's {@code healthchecks.web}: an HTTP request to
 * {@code path} with the app's Host header, answered with a status below 400 (or {@code status} when
 * set). Without one, accepting a TCP connection on $PORT is enough.
 */
public record HealthCheck(String path, Integer status) {
}
