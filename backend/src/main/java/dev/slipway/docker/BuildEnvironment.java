package dev.slipway.docker;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.slipway.instance.InstanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Where users' builds run: a bridge network of their own, {@code <instance>-builds}, that reaches
 * registries through the host's outbound route but no other network of the engine (Docker isolates
 * bridges from each other), so not the control plane's database, the add-on server or apps; its
 * containers cannot reach each other either. The CPUs of each build slot. And the cgroup every build
 * runs in, whose pids limit they share, so a fork bomb in a {@code RUN} step cannot take the host's
 * process ids (32,768 on many hosts) from Slipway and the apps.
 */
@Component
public class BuildEnvironment {

	private static final Logger log = LoggerFactory.getLogger(BuildEnvironment.class);

	/** The default cgroup parent of Docker's containers with the cgroupfs driver. */
	private static final String DOCKER_CGROUP = "/docker";

	private final DockerClients docker;

	private final InstanceSettings instance;

	private volatile Integer hostCpus;

	private volatile Boolean nestable;

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

	/**
	 * The cgroup the builds' containers run in: that of a container of its own ({@code <instance>-build-limits}),
	 * which holds only a sleeping process and the pids limit, created or started when needed. Builds
	 * nest under it only with cgroup v1 and Docker's cgroupfs driver (with v2 a cgroup holding a process
	 * cannot have children; with systemd the parent is a slice); elsewhere null, and builds run without
	 * a pids limit, as the log says once.
	 */
	public synchronized String cgroupParent(int pidsLimit) {
		if (!nestable()) {
			return null;
		}
		String name = instance.resourceName("build-limits");
		InspectContainerResponse holder = docker.container(name).orElse(null);
		if (holder != null && !Long.valueOf(pidsLimit).equals(holder.getHostConfig().getPidsLimit())) {
			docker.api().removeContainerCmd(holder.getId()).withForce(true).exec();
			holder = null;
		}
		if (holder == null) {
			String id = docker.api()
				.createContainerCmd(BaseImage.BASE_IMAGE)
				.withName(name)
				.withEntrypoint("sleep", "infinity")
				.withLabels(Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.ROLE, "build-limits"))
				.withHostConfig(HostConfig.newHostConfig()
					.withPidsLimit((long) pidsLimit)
					.withNetworkMode("none")
					.withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
				.exec()
				.getId();
			holder = docker.api().inspectContainerCmd(id).exec();
		}
		try {
			docker.api().startContainerCmd(holder.getId()).exec();
		}
		catch (NotModifiedException ex) {
			// Running already.
		}
		String parent = holder.getHostConfig().getCgroupParent();
		return (parent == null || parent.isBlank() ? DOCKER_CGROUP : parent) + "/" + holder.getId();
	}

	private boolean nestable() {
		if (nestable == null) {
			Info info = docker.api().infoCmd().exec();
			nestable = "1".equals(info.getCGroupVersion()) && "cgroupfs".equals(info.getCGroupDriver());
			if (!nestable) {
				log.warn("Builds run without a pids limit: the Docker Engine uses cgroup v{} with the {} driver, and "
						+ "builds nest under a cgroup with a pids limit only with cgroup v1 and cgroupfs",
						info.getCGroupVersion(), info.getCGroupDriver());
			}
		}
		return nestable;
	}

	private int hostCpus() {
		if (hostCpus == null) {
			Integer cpus = docker.api().infoCmd().exec().getNCPU();
			hostCpus = cpus == null || cpus < 1 ? 1 : cpus;
		}
		return hostCpus;
	}

}
