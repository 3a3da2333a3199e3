package dev.slipway.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;

import org.springframework.stereotype.Component;

/** One Docker bridge network per app: its dynos (and its add-ons) reach each other, and nothing else. */
@Component
public class AppNetworks {

	private static final int MAX_ATTEMPTS = 5;

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final RuntimeSettings settings;

	private final SubnetPool pool;

	AppNetworks(DockerClients docker, InstanceSettings instance, RuntimeSettings settings) {
		this.docker = docker;
		this.instance = instance;
		this.settings = settings;
		this.pool = SubnetPool.parse(settings.appNetworkPool(), settings.appNetworkPrefix());
	}

	public String name(String app) {
		return instance.resourceName("app-" + app);
	}

	/**
	 * The app's network, created when missing, on a subnet of the app network pool. Another Slipway or
	 * another Docker user may take the same free subnet at the same moment; the Engine then refuses
	 * ours as overlapping, and the next free one is tried.
	 */
	public synchronized String ensure(String app) {
		String name = name(app);
		try {
			docker.api().inspectNetworkCmd().withNetworkId(name).exec();
			return name;
		}
		catch (NotFoundException ex) {
			// Created below.
		}
		List<String> taken = new ArrayList<>();
		for (int attempt = 1;; attempt++) {
			List<String> used = usedSubnets();
			used.addAll(taken);
			String subnet = pool.firstFree(used);
			if (subnet == null) {
				throw new IllegalStateException("The app network pool " + settings.appNetworkPool()
						+ " is full; set SLIPWAY_APP_NETWORK_POOL to a larger range.");
			}
			try {
				docker.api()
					.createNetworkCmd()
					.withName(name)
					.withDriver("bridge")
					.withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(subnet)))
					.withLabels(Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.APP, app))
					.exec();
				return name;
			}
			catch (DockerException ex) {
				if (attempt >= MAX_ATTEMPTS || ex.getMessage() == null || !ex.getMessage().contains("overlaps")) {
					throw ex;
				}
				taken.add(subnet);
			}
		}
	}

	private List<String> usedSubnets() {
		List<String> used = new ArrayList<>();
		for (Network network : docker.api().listNetworksCmd().exec()) {
			if (network.getIpam() != null && network.getIpam().getConfig() != null) {
				network.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet).filter(s -> s != null).forEach(used::add);
			}
		}
		return used;
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
