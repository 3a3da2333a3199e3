package dev.slipway.config.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The last config change made from the dashboard per app, applied in the background: the page
 * says the dynos are restarting, then that the new release runs (or why not).
 */
@Component
class ConfigRollouts {

	enum State {

		RESTARTING, DONE, FAILED

	}

	record Status(State state, String message, Instant at) {
	}

	private final Map<Long, Status> latest = new ConcurrentHashMap<>();

	void started(long appId, String message) {
		latest.put(appId, new Status(State.RESTARTING, message, Instant.now()));
	}

	void finished(long appId, State state, String message) {
		latest.put(appId, new Status(state, message, Instant.now()));
	}

	Optional<Status> of(long appId) {
		return Optional.ofNullable(latest.get(appId));
	}

}
