package dev.slipway.docker;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.instance.InstanceSettings;

import org.springframework.stereotype.Component;

/**
 * Where users' builds run: a bridge network of their own, {@code <instance>-builds}, that reaches
 * registries through the host's outbound route but no other network of the engine (Docker isolates
 * bridges from each other), so not the control plane's database, the add-on server or apps; its
 * containers cannot reach each other either. And the CPUs of each build slot.
 */
@Component
public class BuildEnvironment {

	private final DockerClients docker;

	private final InstanceSettings instance;

	private volatile Integer hostCpus;

	BuildEnvironment(DockerClients docker, InstanceSettings instance) {
		this.docker = docker;
		this.instance = instance;
	}

	/** The builds' network, created when missing. */
	public synchronized String network() {
		String name = instance.resourceName("builds");
		try {
			docker.api().inspectNetworkCmd().withNetworkId(name).exec();
		}
		catch (NotFoundException ex) {
			docker.api()
				.createNetworkCmd()
				.withName(name)
				.withDriver("bridge")
				.withOptions(Map.of("com.docker.network.bridge.enable_icc", "false"))
				.withLabels(Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.ROLE, "builds"))
				.exec();
		}
		return name;
	}

	/**
	 * The CPUs (a cpuset such as {@code 2,3}) the build in slot {@code slot} runs on: {@code cpus} of the
	 * engine's, slot after slot around them, so concurrent builds share the host's CPUs evenly and a
	 * build never takes more than its share.
	 */
	public String cpuset(int slot, int cpus) {
		int available = hostCpus();
		int count = Math.min(cpus, available);
		return IntStream.range(0, count)
			.map(i -> (slot * count + i) % available)
			.distinct()
			.sorted()
			.mapToObj(String::valueOf)
			.collect(Collectors.joining(","));
	}

	private int hostCpus() {
		if (hostCpus == null) {
			Integer cpus = docker.api().infoCmd().exec().getNCPU();
			hostCpus = cpus == null || cpus < 1 ? 1 : cpus;
		}
		return hostCpus;
	}

}
