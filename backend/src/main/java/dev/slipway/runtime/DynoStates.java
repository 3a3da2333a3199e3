package dev.slipway.runtime;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.logs.AppLogs;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every dyno container Slipway runs and its state; each change goes into the app's log and is
 * published as {@link DynosChanged}. The one place a dyno's state changes, so every change is logged
 * and none races another unseen.
 */
@Component
class DynoStates {

	private final Map<String, TrackedDyno> byContainer = new ConcurrentHashMap<>();

	private final AppLogs logs;

	private final ApplicationEventPublisher events;

	DynoStates(AppLogs logs, ApplicationEventPublisher events) {
		this.logs = logs;
		this.events = events;
	}

	/** Starts tracking a container from its labels. */
	TrackedDyno track(InspectContainerResponse container, DynoState state) {
		Map<String, String> labels = container.getConfig().getLabels();
		TrackedDyno dyno = new TrackedDyno(container.getId(), Long.parseLong(labels.get(SlipwayLabels.APP_ID)),
				labels.get(SlipwayLabels.APP), labels.get(SlipwayLabels.PROCESS),
				Integer.parseInt(labels.get(SlipwayLabels.DYNO).substring(labels.get(SlipwayLabels.DYNO).indexOf('.') + 1)),
				Integer.parseInt(labels.get(SlipwayLabels.RELEASE)), labels.get(SlipwayLabels.SIZE), state);
		dyno.restarts = restartsOf(container);
		TrackedDyno existing = byContainer.putIfAbsent(dyno.containerId, dyno);
		if (existing != null) {
			return existing;
		}
		changed(dyno);
		return dyno;
	}

	Optional<TrackedDyno> get(String containerId) {
		return Optional.ofNullable(byContainer.get(containerId));
	}

	/** A dyno that needs no boot check is up once started. */
	void up(TrackedDyno dyno) {
		transition(dyno, DynoState.UP, null);
	}

	/** A web dyno passed its boot check: from now on the router may send it requests at {@code address}. */
	void upAt(TrackedDyno dyno, String address) {
		dyno.address = address;
		transition(dyno, DynoState.UP, null);
	}

	/** Its process exited while it should run; null when the exit status is unknown. */
	void crashed(TrackedDyno dyno, Integer exitCode) {
		transition(dyno, DynoState.CRASHED, exitCode);
	}

	/** Docker's restart policy started a crashed dyno again. */
	void restarted(TrackedDyno dyno, InspectContainerResponse container) {
		if (container.getRestartCount() != null) {
			dyno.restarts = container.getRestartCount();
		}
		transition(dyno, DynoState.STARTING, null);
	}

	/** A container found at start or on reconnecting: where it is now and how often it restarted. */
	void adopted(TrackedDyno dyno, InspectContainerResponse container, String address) {
		dyno.address = address;
		dyno.restarts = restartsOf(container);
		changed(dyno);
	}

	/** Takes a dyno out of what runs, so no route points at it any more, before it is stopped or removed. */
	void retiring(TrackedDyno dyno) {
		dyno.retiring = true;
	}

	/** A dyno that was to retire stays after all, as when the switch away from it failed. */
	void kept(TrackedDyno dyno) {
		dyno.retiring = false;
	}

	/** A dyno is being stopped: out of the route at once, shown as stopping. */
	void stopping(TrackedDyno dyno) {
		retiring(dyno);
		transition(dyno, DynoState.STOPPING, null);
	}

	private void transition(TrackedDyno dyno, DynoState to, Integer exitCode) {
		DynoState from;
		synchronized (dyno) {
			from = dyno.state;
			if (from == to && exitCode == null) {
				return;
			}
			dyno.state = to;
			dyno.since = Instant.now();
			if (exitCode != null) {
				dyno.exitCode = exitCode;
			}
		}
		if (exitCode != null) {
			logs.platform(dyno.appId, dyno.name(), "Process exited with status " + exitCode);
		}
		logs.platform(dyno.appId, dyno.name(), "State changed from " + from.label() + " to " + to.label());
		changed(dyno);
	}

	private void changed(TrackedDyno dyno) {
		events.publishEvent(new DynosChanged(dyno.appId));
	}

	private static int restartsOf(InspectContainerResponse container) {
		Integer restarts = container.getRestartCount();
		return restarts == null ? 0 : restarts;
	}

	void forget(String containerId) {
		TrackedDyno gone = byContainer.remove(containerId);
		if (gone != null) {
			changed(gone);
		}
	}

	/** Forgets containers that no longer exist. */
	void retainOnly(Set<String> containerIds) {
		byContainer.keySet().stream().filter(id -> !containerIds.contains(id)).toList().forEach(this::forget);
	}

	/** The app's dynos, by process type and index. */
	List<TrackedDyno> of(String app) {
		return byContainer.values()
			.stream()
			.filter(dyno -> dyno.app.equals(app))
			.sorted(Comparator.comparing((TrackedDyno dyno) -> dyno.processType)
				.thenComparingInt(dyno -> dyno.index)
				.thenComparingInt(dyno -> dyno.release))
			.toList();
	}

	/** The app's dynos of a release and process type that are not being stopped. */
	List<TrackedDyno> active(String app, int release, String processType) {
		return of(app).stream()
			.filter(dyno -> dyno.release == release && dyno.processType.equals(processType) && !dyno.retiring)
			.toList();
	}

	/**
	 * What Slipway knows of one dyno container, kept up to date from Docker's events. What changes is
	 * private, so only {@link DynoStates} changes it.
	 */
	static final class TrackedDyno {

		final String containerId;

		final long appId;

		final String app;

		final String processType;

		final int index;

		final int release;

		final String size;

		private volatile String address;

		private volatile DynoState state;

		private volatile Instant since;

		private volatile int restarts;

		private volatile Integer exitCode;

		private volatile boolean retiring;

		private TrackedDyno(String containerId, long appId, String app, String processType, int index, int release,
				String size, DynoState state) {
			this.containerId = containerId;
			this.appId = appId;
			this.app = app;
			this.processType = processType;
			this.index = index;
			this.release = release;
			this.size = size;
			this.state = state;
			this.since = Instant.now();
		}

		String name() {
			return processType + "." + index;
		}

		DynoState state() {
			return state;
		}

		/** Where the router reaches it; null until it is up. */
		String address() {
			return address;
		}

		/** Being stopped or removed: no longer part of what runs. */
		boolean retiring() {
			return retiring;
		}

		Dyno view() {
			return new Dyno(name(), processType, index, release, state, since, restarts, size, exitCode);
		}

	}

}
