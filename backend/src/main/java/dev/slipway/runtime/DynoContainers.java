package dev.slipway.runtime;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;

import org.springframework.stereotype.Component;

/**
 * Creates, starts, stops and finds the containers of dynos: one per dyno, labelled by app, release,
 * process type and dyno name, on the app's network, with an init process, no privileges, no
 * capabilities, a pids limit, the memory and CPUs of its size, and never as root unless allowed.
 */
@Component
class DynoContainers {

	/** Commands {@code exec} cannot replace the shell with: compound ones, assignments, keywords and builtins. */
	private static final Pattern SHELL_SYNTAX = Pattern.compile("[;&|<>(){}`\\n]|^\\s*\\w+=|^\\s*(if|for|while|case|until|"
			+ "exec|exit|cd|export|set|unset|source|\\.|alias|eval|trap|wait|read|ulimit|umask|return|shift|readonly|"
			+ "local|type|command|hash|times|getopts)(\\s|$)");

	/** Where buildpacks put the app, as Heroku's: the working directory and HOME of their dynos. */
	static final String APP_DIR = "/app";

	/** nobody:nogroup, in most images' /etc/passwd: dynos of images that would run as root run as it. */
	static final String UNPRIVILEGED_USER = "65534:65534";

	/** A directory every image has and anyone may write, the HOME of dynos run as {@link #UNPRIVILEGED_USER}. */
	static final String UNPRIVILEGED_HOME = "/tmp";

	/** Who a release's dynos run as. */
	enum DynoUser {

		/** The image's USER, not root. */
		IMAGE,
		/** {@link #UNPRIVILEGED_USER}, for an image that would run as root. */
		UNPRIVILEGED,
		/** Root, because the image asks for it and the app allows it. */
		ROOT

	}

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final RuntimeSettings settings;

	private final AppNetworks networks;

	private final SecureRandom random = new SecureRandom();

	private final AppService apps;

	private final ImageUsers imageUsers;

	private volatile Integer hostCpus;

	DynoContainers(DockerClients docker, InstanceSettings instance, RuntimeSettings settings, AppNetworks networks,
			AppService apps, ImageUsers imageUsers) {
		this.docker = docker;
		this.instance = instance;
		this.settings = settings;
		this.networks = networks;
		this.apps = apps;
		this.imageUsers = imageUsers;
	}

	/** Who the dynos of a release run as: never root unless the image asks for it and the app allows it. */
	DynoUser user(DeploySpec spec) {
		if (!imageUsers.runsAsRoot(spec.image())) {
			return DynoUser.IMAGE;
		}
		return apps.byId(spec.appId()).filter(App::dynosMayRunAsRoot).isPresent() ? DynoUser.ROOT : DynoUser.UNPRIVILEGED;
	}

	/**
	 * Creates (without starting) the container of dyno {@code <processType>.<index>} of a release.
	 * A dyno that must pass a boot check is created without a restart policy, see
	 * {@link #restartOnExit}; others are restarted by Docker from the start.
	 */
	String create(DeploySpec spec, String processType, int index, DynoSize size, boolean bootChecked) {
		String dyno = processType + "." + index;
		CreateContainerCmd create = command(spec, dyno, spec.command(processType), size)
			.withLabels(labels(spec, processType, dyno, size, SlipwayLabels.ROLE_DYNO));
		create.getHostConfig()
			.withMemory(size.memoryBytes())
			.withMemorySwap(size.memoryBytes())
			.withNanoCPUs((long) (Math.min(size.cpus(), hostCpus()) * 1_000_000_000L))
			.withRestartPolicy(bootChecked ? RestartPolicy.noRestart() : RestartPolicy.unlessStoppedRestart());
		return create.exec().getId();
	}

	/**
	 * Lets Docker restart a dyno that passed its boot check. Until then it has no restart policy: a
	 * process that exits while booting stays exited, with its exit status and its output of one run,
	 * so the boot check fails at once instead of watching Docker restart it (with growing back-off,
	 * resetting the exit status) until the boot timeout.
	 */
	void restartOnExit(String containerId) {
		try {
			docker.api().updateContainerCmd(containerId).withRestartPolicy(RestartPolicy.unlessStoppedRestart()).exec();
		}
		catch (NotFoundException ex) {
			// Removed meanwhile: the caller finds it gone.
		}
	}

	/** Creates a container that runs {@code command} once and is not restarted: a one-off or release dyno. */
	String createOneOff(DeploySpec spec, String dyno, String command, String processType) {
		DynoSize size = DynoSize.of(settings.defaultSize()).orElse(DynoSize.STANDARD_1X);
		CreateContainerCmd create = command(spec, dyno, command, size)
			.withLabels(labels(spec, processType, dyno, size, SlipwayLabels.ROLE_ONE_OFF));
		create.getHostConfig()
			.withMemory(size.memoryBytes())
			.withMemorySwap(size.memoryBytes())
			.withRestartPolicy(RestartPolicy.noRestart());
		return create.exec().getId();
	}

	/**
	 * Creates a one-off container whose stdin stays open for one attached client, with a TTY ({@code TERM}
	 * set to {@code term}), or without a TTY when terminal is null. The TTY is sized once it started.
	 */
	String createInteractive(DeploySpec spec, String dyno, String command, TerminalSize terminal, String term) {
		DynoSize size = DynoSize.of(settings.defaultSize()).orElse(DynoSize.STANDARD_1X);
		CreateContainerCmd create = command(spec, dyno, command, size)
			.withLabels(labels(spec, "run", dyno, size, SlipwayLabels.ROLE_ONE_OFF))
			.withAttachStdin(true)
			.withAttachStdout(true)
			.withAttachStderr(true)
			.withStdinOpen(true)
			.withStdInOnce(true)
			.withTty(terminal != null);
		create.getHostConfig()
			.withMemory(size.memoryBytes())
			.withMemorySwap(size.memoryBytes())
			.withRestartPolicy(RestartPolicy.noRestart());
		if (terminal != null) {
			List<String> env = new ArrayList<>(List.of(create.getEnv()));
			env.add("TERM=" + term);
			create.withEnv(env);
		}
		return create.exec().getId();
	}

	/** Gives a running container's TTY a new size. */
	void resize(String containerId, TerminalSize size) {
		try {
			docker.api().resizeContainerCmd(containerId).withSize(size.rows(), size.columns()).exec();
		}
		catch (NotFoundException | ConflictException ex) {
			// Exited meanwhile: there is no TTY left to size.
		}
	}

	private CreateContainerCmd command(DeploySpec spec, String dyno, String command, DynoSize size) {
		DynoUser user = user(spec);
		CreateContainerCmd create = docker.api()
			.createContainerCmd(spec.image())
			.withName(instance.resourceName(spec.appName() + "-" + dyno + "-" + suffix()))
			.withHostName(dyno.replace('.', '-'))
			.withEnv(environment(spec, dyno, size, settings.port(), user))
			.withStopTimeout((int) settings.stopTimeout().toSeconds())
			.withHostConfig(HostConfig.newHostConfig()
				.withInit(true)
				.withNetworkMode(networks.ensure(spec.appName()))
				.withPidsLimit(settings.pidsLimit())
				.withCapDrop(Capability.ALL)
				.withSecurityOpts(List.of("no-new-privileges"))
				.withPrivileged(false)
				.withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "20m", "max-file", "3"))));
		if (spec.builtByBuildpack()) {
			create.withWorkingDir(APP_DIR);
		}
		if (user == DynoUser.UNPRIVILEGED) {
			create.withUser(UNPRIVILEGED_USER);
		}
		if (command != null && spec.builtByBuildpack()) {
			create.withEntrypoint("/bin/bash", "-c").withCmd(profileCommand(command));
		}
		else if (command != null) {
			create.withEntrypoint("/bin/sh", "-c").withCmd(shellCommand(command));
		}
		return create;
	}

	/**
	 * As on Heroku, the app's {@code .profile.d/*.sh} scripts are sourced in order before its command
	 * runs, in bash, which the stack has (an app's own Dockerfile may not, so those run as they are).
	 */
	static String profileCommand(String command) {
		return "for slipway_profile in " + APP_DIR + "/.profile.d/*.sh; do if [ -r \"$slipway_profile\" ]; then "
				+ ". \"$slipway_profile\"; fi; done; unset slipway_profile; " + shellCommand(command);
	}

	/**
	 * The dyno's environment: the release's, its memory defaults for the size, then Slipway's own; a
	 * HOME it may write in unless the config sets one.
	 */
	static List<String> environment(DeploySpec spec, String dyno, DynoSize size, int port, DynoUser user) {
		List<String> env = new ArrayList<>();
		spec.env().forEach((key, value) -> env.add(key + "=" + value));
		if (spec.memoryDefaults() != null) {
			spec.memoryDefaults().env(size, spec.env()).forEach((key, value) -> env.add(key + "=" + value));
		}
		if (spec.builtByBuildpack() && !spec.env().containsKey("HOME")) {
			env.add("HOME=" + APP_DIR);
		}
		else if (user == DynoUser.UNPRIVILEGED && !spec.env().containsKey("HOME")) {
			env.add("HOME=" + UNPRIVILEGED_HOME);
		}
		env.add("PORT=" + port);
		env.add("DYNO=" + dyno);
		// docker-init (tini) then signals the whole process group, so the shell passes SIGTERM on.
		env.add("TINI_KILL_PROCESS_GROUP=1");
		return env;
	}

	/** A simple command is exec'd, so the app itself gets signals and its exit code is the dyno's. */
	static String shellCommand(String command) {
		String trimmed = command.strip();
		return SHELL_SYNTAX.matcher(trimmed).find() ? trimmed : "exec " + trimmed;
	}

	private Map<String, String> labels(DeploySpec spec, String processType, String dyno, DynoSize size, String role) {
		return Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.ROLE, role, SlipwayLabels.APP, spec.appName(),
				SlipwayLabels.APP_ID, String.valueOf(spec.appId()), SlipwayLabels.RELEASE, String.valueOf(spec.version()),
				SlipwayLabels.PROCESS, processType, SlipwayLabels.DYNO, dyno, SlipwayLabels.SIZE, size.label());
	}

	void start(String containerId) {
		try {
			docker.api().startContainerCmd(containerId).exec();
		}
		catch (NotModifiedException ex) {
			// Running already.
		}
	}

	/** SIGTERM, then SIGKILL after the stop timeout, then the container is removed. */
	void stopAndRemove(String containerId) {
		try {
			docker.api().stopContainerCmd(containerId).withTimeout((int) settings.stopTimeout().toSeconds()).exec();
		}
		catch (NotFoundException | NotModifiedException ex) {
			// Stopped or gone already.
		}
		remove(containerId);
	}

	void remove(String containerId) {
		try {
			docker.api().removeContainerCmd(containerId).withForce(true).exec();
		}
		catch (NotFoundException ex) {
			// Gone already.
		}
	}

	/** The dyno containers of every app (or of one app), running or not. */
	List<Container> list(String app) {
		var command = docker.api().listContainersCmd().withShowAll(true);
		Map<String, String> labels = app == null
				? Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.ROLE, SlipwayLabels.ROLE_DYNO)
				: Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.ROLE, SlipwayLabels.ROLE_DYNO, SlipwayLabels.APP, app);
		return command.withLabelFilter(labels).exec();
	}

	InspectContainerResponse inspect(String containerId) {
		return docker.container(containerId).orElse(null);
	}

	/** The container's address on its app's network, where the router reaches it. */
	String address(InspectContainerResponse container) {
		String app = container.getConfig().getLabels().get(SlipwayLabels.APP);
		ContainerNetwork network = container.getNetworkSettings().getNetworks().get(networks.name(app));
		if (network == null || network.getIpAddress() == null || network.getIpAddress().isBlank()) {
			return null;
		}
		return network.getIpAddress() + ":" + settings.port();
	}

	/** Asked once: Docker's info call counts every container and image, slow on a busy host. */
	private int hostCpus() {
		if (hostCpus == null) {
			Integer cpus = docker.api().infoCmd().exec().getNCPU();
			hostCpus = cpus == null || cpus < 1 ? 1 : cpus;
		}
		return hostCpus;
	}

	private String suffix() {
		byte[] bytes = new byte[3];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
