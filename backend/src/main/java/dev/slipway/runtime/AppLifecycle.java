package dev.slipway.runtime;

import java.util.Map;

import dev.slipway.apps.AppCreated;
import dev.slipway.apps.AppDeleted;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A new app gets its route at once; a deleted app's containers, network and route go with it. */
@Component
class AppLifecycle {

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final DynoContainers containers;

	private final DynoStates states;

	private final AppNetworks networks;

	private final Routes routes;

	AppLifecycle(DockerClients docker, InstanceSettings instance, DynoContainers containers, DynoStates states,
			AppNetworks networks, Routes routes) {
		this.docker = docker;
		this.instance = instance;
		this.containers = containers;
		this.states = states;
		this.networks = networks;
		this.routes = routes;
	}

	@EventListener
	void appCreated(AppCreated event) {
		routes.refresh(event.appId(), event.name());
	}

	@EventListener
	void appDeleted(AppDeleted event) {
		withdraw(event.name());
		Thread.ofVirtual().name("delete-" + event.name()).start(() -> remove(event.name()));
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
