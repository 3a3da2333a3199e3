package dev.slipway.runtime;

import java.time.Instant;

/**
 * A dyno: one container running one process of an app's release, named like Heroku's
 * ({@code web.1}), with its state, since when, and how often it restarted after crashing.
 */
public record Dyno(String name, String processType, int index, int release, DynoState state, Instant since,
		int restarts, String size, Integer lastExitCode) {
}
