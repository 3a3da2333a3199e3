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

import org.springframework.stereotype.Component;

/** Every dyno container Slipway runs and its state; each change goes into the app's log. */
@Component
class DynoStates {

	private final Map<String, TrackedDyno> byContainer = new ConcurrentHashMap<>();

	private final AppLogs logs;

	DynoStates(AppLogs logs) {
		this.logs = logs;
	}

	/** Starts tracking a container from its labels. */
	TrackedDyno track(InspectContainerResponse container, DynoState state) {
		Map<String, String> labels = container.getConfig().getLabels();
		TrackedDyno dyno = new TrackedDyno(container.getId(), Long.parseLong(labels.get(SlipwayLabels.APP_ID)),
				labels.get(SlipwayLabels.APP), labels.get(SlipwayLabels.PROCESS),
				Integer.parseInt(labels.get(SlipwayLabels.DYNO).substring(labels.get(SlipwayLabels.DYNO).indexOf('.') + 1)),
				Integer.parseInt(labels.get(SlipwayLabels.RELEASE)), labels.get(SlipwayLabels.SIZE), state);
		Integer restarts = container.getRestartCount();
		dyno.restarts = restarts == null ? 0 : restarts;
		TrackedDyno existing = byContainer.putIfAbsent(dyno.containerId, dyno);
		return existing != null ? existing : dyno;
	}

	Optional<TrackedDyno> get(String containerId) {
		return Optional.ofNullable(byContainer.get(containerId));
	}

	void transition(TrackedDyno dyno, DynoState to, Integer exitCode) {
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
	}

	void forget(String containerId) {
		byContainer.remove(containerId);
	}

	/** Forgets containers that no longer exist. */
	void retainOnly(Set<String> containerIds) {
		byContainer.keySet().retainAll(containerIds);
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

}
