package dev.slipway.logs;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps logs within their retention, by age and by lines per app, in the background. */
@Component
class LogRetention {

	private static final Logger log = LoggerFactory.getLogger(LogRetention.class);

	private final LogStore store;

	private final LogSettings settings;

	private final LogSources sources;

	LogRetention(LogStore store, LogSettings settings, LogSources sources) {
		this.store = store;
		this.settings = settings;
		this.sources = sources;
	}

	@Scheduled(fixedDelayString = "${slipway.logs.retention-interval:60s}", initialDelayString = "${slipway.logs.retention-interval:60s}")
	void enforce() {
		try {
			int old = store.deleteOlderThan(Instant.now().minus(settings.retention()));
			int surplus = 0;
			for (long appId : store.appsWithMoreThan(settings.retainedLines())) {
				surplus += store.keepLast(appId, settings.retainedLines());
			}
			if (old + surplus > 0) {
				log.debug("Removed {} log lines past {} and {} beyond {} per app", old, settings.retention(), surplus,
						settings.retainedLines());
			}
			store.forgetCursorsNotIn(sources.feedIds());
		}
		catch (RuntimeException ex) {
			log.warn("Enforcing the log retention failed: {}", ex.getMessage());
		}
	}

}
