package dev.slipway.apps.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppStateChanged;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The app pages' change streams: each open page names the parts it shows with the versions it shows
 * of them, and hears the name of a part as soon as that part's stamp differs. Releases, builds and
 * dynos publish an {@link AppStateChanged} when they change; only then are the stamps of that app's
 * open pages compared, once the change has committed, off the thread that made it.
 */
@Component
class PartChanges {

	static final long HEARTBEAT_MILLIS = 15_000;

	static final long SETTLE_MILLIS = 200;

	private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

	/** Apps with a check queued: changes that come before it runs are seen by it. */
	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	private final TaskExecutor executor;

	PartChanges(@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.executor = executor;
	}

	/** Follows the given parts from the versions the page shows, telling at once what changed since. */
	SseEmitter follow(App app, Map<String, AppPagePart<?>> parts, Map<String, String> versions) {
		SseEmitter emitter = new SseEmitter(0L);
		Watch watch = new Watch(app, parts, new LinkedHashMap<>(versions), emitter);
		emitter.onCompletion(() -> watches.remove(watch));
		emitter.onError(error -> watches.remove(watch));
		watches.add(watch);
		check(watch);
		return emitter;
	}

	/**
	 * Checks the app's open pages a moment after a change, so that a burst of changes (a rollout starts
	 * dynos, routes to them and stops the old ones) costs one check and one fetch per part.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void changed(AppStateChanged change) {
		long appId = change.appId();
		if (queued.add(appId)) {
			executor.execute(() -> {
				try {
					Thread.sleep(SETTLE_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				queued.remove(appId);
				watches.stream().filter(watch -> watch.app.id() == appId).forEach(this::check);
			});
		}
	}

	/** A proxy closes a connection that stays quiet for long; a comment keeps it open. */
	@Scheduled(fixedDelay = HEARTBEAT_MILLIS)
	void heartbeat() {
		watches.forEach(watch -> send(watch, SseEmitter.event().comment("heartbeat")));
	}

	private void check(Watch watch) {
		try {
			watch.changed().forEach(part -> send(watch, SseEmitter.event().name("changed").data(part)));
		}
		catch (RuntimeException gone) {
			// The app went away meanwhile: nobody follows this any more, and the page's reconnect finds out why.
			watches.remove(watch);
			watch.emitter.complete();
		}
	}

	private void send(Watch watch, SseEmitter.SseEventBuilder event) {
		try {
			synchronized (watch) {
				watch.emitter.send(event);
			}
		}
		catch (IOException | IllegalStateException gone) {
			// The page went away.
			watches.remove(watch);
			watch.emitter.completeWithError(gone);
		}
	}

	/** One open page; compared by identity, as its versions change. */
	private static final class Watch {

		private final App app;

		private final Map<String, AppPagePart<?>> parts;

		private final Map<String, String> versions;

		private final SseEmitter emitter;

		Watch(App app, Map<String, AppPagePart<?>> parts, Map<String, String> versions, SseEmitter emitter) {
			this.app = app;
			this.parts = parts;
			this.versions = versions;
			this.emitter = emitter;
		}

		/** The parts whose stamps differ from the versions last shown, which become the versions shown. */
		synchronized List<String> changed() {
			List<String> changed = new ArrayList<>();
			parts.forEach((name, part) -> {
				String version = part.version(app);
				if (!version.equals(versions.put(name, version))) {
					changed.add(name);
				}
			});
			return changed;
		}

	}

}
