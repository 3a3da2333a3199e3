package dev.slipway.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.dockerjava.api.model.Container;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.logs.AppLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps a dyno from filling the host's disk through its own filesystem: Docker's overlay2 on ext4
 * has no size per container, so every so often this reads the size of each dyno's writable layer.
 * One past the limit gets a fresh filesystem, as Heroku's dynos' filesystems are ephemeral: the
 * app's dynos are restarted (web without downtime), a one-off dyno is stopped, each with a line in
 * the app's log that names the limit.
 */
@Component
class DynoDiskWatch {

	private static final Logger log = LoggerFactory.getLogger(DynoDiskWatch.class);

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final Rollout rollout;

	private final AppLogs logs;

	private final DataSize limit;

	/** Containers already acted on: a retiring dyno keeps its layer until it stops. */
	private final Set<String> handled = new HashSet<>();

	DynoDiskWatch(DockerClients docker, InstanceSettings instance, Rollout rollout, AppLogs logs,
			DynoDiskSettings settings) {
		this.docker = docker;
		this.instance = instance;
		this.rollout = rollout;
		this.logs = logs;
		this.limit = settings.limit();
	}

	@Scheduled(fixedDelayString = "${slipway.runtime.dyno-disk.check-interval:30s}",
			initialDelayString = "${slipway.runtime.dyno-disk.check-interval:30s}")
	synchronized void check() {
		List<Container> containers = docker.api()
			.listContainersCmd()
			.withShowSize(true)
			.withLabelFilter(Map.of(SlipwayLabels.INSTANCE, instance.name()))
			.exec();
		handled.retainAll(containers.stream().map(Container::getId).toList());
		Set<Long> restarted = new HashSet<>();
		for (Container container : containers) {
			Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
			Long written = container.getSizeRw();
			String role = labels.get(SlipwayLabels.ROLE);
			if (written == null || written <= limit.toBytes() || handled.contains(container.getId()) || role == null
					|| labels.get(SlipwayLabels.APP_ID) == null) {
				continue;
			}
			handled.add(container.getId());
			long appId = Long.parseLong(labels.get(SlipwayLabels.APP_ID));
			String dyno = labels.getOrDefault(SlipwayLabels.DYNO, "dyno");
			String over = "Wrote " + megabytes(written) + " to its filesystem, more than the " + megabytes(limit.toBytes())
					+ " a dyno may (SLIPWAY_DYNO_DISK_LIMIT): ";
			if (role.equals(SlipwayLabels.ROLE_ONE_OFF)) {
				logs.platform(appId, dyno, over + "stopping it");
				stop(container.getId());
			}
			else if (role.equals(SlipwayLabels.ROLE_DYNO) && restarted.add(appId)) {
				logs.platform(appId, dyno, over + "restarting the app's dynos with fresh filesystems");
				restart(appId, labels.get(SlipwayLabels.APP));
			}
		}
	}

	private void restart(long appId, String app) {
		try {
			rollout.restart(appId, app);
		}
		catch (RuntimeException ex) {
			log.warn("Restarting the dynos of {}, one of which wrote past the disk limit, failed: {}", app, ex.getMessage());
		}
	}

	private void stop(String containerId) {
		try {
			docker.api().killContainerCmd(containerId).exec();
		}
		catch (RuntimeException ex) {
			log.warn("Stopping the one-off dyno {}, which wrote past the disk limit, failed: {}", containerId, ex.getMessage());
		}
	}

	private static String megabytes(long bytes) {
		return (bytes / (1024 * 1024)) + " MB";
	}

}
