package dev.slipway.runtime;

import java.util.Map;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.docker.DockerClients;
import dev.slipway.instance.InstanceSettings;

import org.springframework.stereotype.Component;

/** One Docker bridge network per app: its dynos (and its add-ons) reach each other, and nothing else. */
@Component
public class AppNetworks {

	private final DockerClients docker;

	private final InstanceSettings instance;

	AppNetworks(DockerClients docker, InstanceSettings instance) {
		this.docker = docker;
		this.instance = instance;
	}

	public String name(String app) {
		return instance.resourceName("app-" + app);
	}

	/** The app's network, created when missing. */
	public synchronized String ensure(String app) {
		String name = name(app);
		try {
			docker.api().inspectNetworkCmd().withNetworkId(name).exec();
		}
		catch (NotFoundException ex) {
			docker.api()
				.createNetworkCmd()
				.withName(name)
				.withDriver("bridge")
				.withLabels(Map.of(DynoLabels.INSTANCE, instance.name(), DynoLabels.APP, app))
				.exec();
		}
		return name;
	}

	/** Removes the network, first disconnecting whatever is still on it (an add-on server, say). */
	void remove(String app) {
		try {
			var network = docker.api().inspectNetworkCmd().withNetworkId(name(app)).exec();
			if (network.getContainers() != null) {
				network.getContainers()
					.keySet()
					.forEach(container -> docker.api()
						.disconnectFromNetworkCmd()
						.withNetworkId(name(app))
						.withContainerId(container)
						.withForce(true)
						.exec());
			}
			docker.api().removeNetworkCmd(name(app)).exec();
		}
		catch (NotFoundException ex) {
			// Gone already.
		}
	}

}
