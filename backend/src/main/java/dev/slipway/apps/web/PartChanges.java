package dev.slipway.apps.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPagePart;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The app pages' change streams: each open page names the parts it shows with the versions it shows
 * of them, and hears the name of a part as soon as that part's stamp differs. Dynos, releases and
 * builds change without an application event to hang this on, so one check a second compares the
 * parts' stamps of every open page, on the server, instead of every page fetching every part.
 */
@Component
class PartChanges {

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

	/** Follows the given parts from the versions the page shows. */
	SseEmitter follow(App app, Map<String, AppPagePart<?>> parts, Map<String, String> versions) {
		SseEmitter emitter = new SseEmitter(0L);
		Watch watch = new Watch(app, parts, new LinkedHashMap<>(versions), emitter);
		emitter.onCompletion(() -> watches.remove(watch));
		emitter.onError(error -> watches.remove(watch));
		watches.add(watch);
		return emitter;
	}

	@Scheduled(fixedDelay = 1000)
	void check() {
		watches.forEach(watch -> {
			try {
				watch.check();
			}
			catch (IOException | RuntimeException gone) {
				// The page went away, or the app did: either way nobody follows this any more.
				watches.remove(watch);
				watch.emitter().completeWithError(gone);
			}
		});
	}

	private static final class Watch {

		private final App app;

		private final Map<String, AppPagePart<?>> parts;

		private final Map<String, String> versions;

		private final SseEmitter emitter;

		private Instant lastSent = Instant.now();

		Watch(App app, Map<String, AppPagePart<?>> parts, Map<String, String> versions, SseEmitter emitter) {
			this.app = app;
			this.parts = parts;
			this.versions = versions;
			this.emitter = emitter;
		}

		SseEmitter emitter() {
			return emitter;
		}

		void check() throws IOException {
			for (Map.Entry<String, AppPagePart<?>> part : parts.entrySet()) {
				String version = part.getValue().version(app);
				if (!version.equals(versions.put(part.getKey(), version))) {
					send(SseEmitter.event().name("changed").data(part.getKey()));
				}
			}
			// A proxy closes a connection that stays quiet for long; a comment keeps it open.
			if (Instant.now().isAfter(lastSent.plus(HEARTBEAT))) {
				send(SseEmitter.event().comment("heartbeat"));
			}
		}

		private void send(SseEmitter.SseEventBuilder event) throws IOException {
			emitter.send(event);
			lastSent = Instant.now();
		}

	}

}
