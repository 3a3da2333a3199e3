package dev.slipway.releases;

import java.util.Map;

import dev.slipway.runtime.HealthCheck;

/**
 * What app.json adds to a deploy: the health check its web dynos must pass (kept with the release),
 * and on a first deploy the quantities of its process types.
 */
public record ReleaseOptions(HealthCheck healthCheck, Map<String, Integer> initialFormation) {


}
