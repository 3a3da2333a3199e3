package dev.slipway.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.slipway.apps.AppCreated;
import dev.slipway.apps.AppDeleted;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A new app gets its route at once; a deleted app's containers, network and route go with it. */
@Component
class AppLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AppLifecycle.class);

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final DynoContainers containers;

	private final DynoStates states;

	private final AppNetworks networks;

	private final Routes routes;

	private final TaskExecutor executor;

	AppLifecycle(DockerClients docker, InstanceSettings instance, DynoContainers containers, DynoStates states,
			AppNetworks networks, Routes routes,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.docker = docker;
		this.instance = instance;
		this.containers = containers;
		this.states = states;
		this.networks = networks;
		this.routes = routes;
		this.executor = executor;
	}

	@EventListener
	void appCreated(AppCreated event) {
		routes.refresh(event.appId(), event.name());
	}

	/** Once the deletion has committed: a deletion that rolls back leaves the app running. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void appDeleted(AppDeleted event) {
		withdraw(event.name());
		executor.execute(() -> remove(event.name()));
	}

	/** At once, so nothing reaches the app's dynos any more however long removing them takes. */
	void withdraw(String app) {
		states.of(app).forEach(states::retiring);
		routes.remove(app);
	}

	/** Removes every container of the app, dynos and one-offs alike, then its network. */
	void remove(String app) {
		removeContainers(Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.APP, app));
		networks.remove(app);
	}

	/**
	 * Removes the containers and networks of apps that no longer exist: what a deletion that Slipway's
	 * stop interrupted after it committed left behind.
	 */
	void removeAllBut(Set<String> apps) {
		Set<String> deleted = new HashSet<>();
		docker.api()
			.listContainersCmd()
			.withShowAll(true)
			.withLabelFilter(Map.of(SlipwayLabels.INSTANCE, instance.name()))
			.exec()
			.forEach(container -> deleted.add(container.getLabels().get(SlipwayLabels.APP)));
		docker.api()
			.listNetworksCmd()
			.withFilter("label", List.of(SlipwayLabels.INSTANCE + "=" + instance.name()))
			.exec()
			.forEach(network -> deleted.add(network.getLabels().get(SlipwayLabels.APP)));
		deleted.remove(null);
		deleted.removeAll(apps);
		for (String app : deleted) {
			log.info("Removing the containers and network of the deleted app {}", app);
			remove(app);
		}
	}

	/** Removes every container of one release of the app, dynos and one-offs alike. */
	void discard(String app, int release) {
		removeContainers(Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.APP, app,
				SlipwayLabels.RELEASE, String.valueOf(release)));
	}

	private void removeContainers(Map<String, String> labels) {
		docker.api().listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().forEach(container -> {
			containers.remove(container.getId());
			states.forget(container.getId());
		});
	}

}
