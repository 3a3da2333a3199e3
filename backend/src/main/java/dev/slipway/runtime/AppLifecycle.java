package dev.slipway.runtime;

import java.util.Map;

import dev.slipway.apps.AppCreated;
import dev.slipway.apps.AppDeleted;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;

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
		docker.api()
			.listContainersCmd()
			.withShowAll(true)
			.withLabelFilter(Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.APP, app))
			.exec()
			.forEach(container -> {
				containers.remove(container.getId());
				states.forget(container.getId());
			});
		networks.remove(app);
	}

}
