package dev.slipway.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.slipway.docker.ContainerLogs;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.PlatformImages;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * PostgreSQL servers Slipway runs itself (the control plane's, the add-on server): a container of
 * the Postgres image built on the stack, a named volume, a superuser password generated once and
 * kept in the data directory. Each is reached either on 127.0.0.1 through a published port or at
 * its address on a Docker network of Slipway's. A server is never on Docker's default bridge, where
 * any container the engine runs without a network of its own would reach it.
 */
@Component
public class PostgresServers {

	static final String IMAGE = "slipway/postgres:17";

	private static final Logger log = LoggerFactory.getLogger(PostgresServers.class);

	private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(90);

	private final DockerClients docker;

	private final PlatformImages images;

	private final InstanceSettings instance;

	PostgresServers(DockerClients docker, PlatformImages images, InstanceSettings instance) {
		this.docker = docker;
		this.images = images;
		this.instance = instance;
	}

	/**
	 * One server: its role (a label), the suffix of its container and volume names, the database
	 * made on first start, a port on 127.0.0.1 to reach it on (or null), and the network it lives on,
	 * where it is reached when it has no port.
	 */
	public record Spec(String role, String name, String database, Integer hostPort, String network) {

		public Spec {
			Objects.requireNonNull(network, "network");
		}

	}

	/** Starts the server unless it runs already, waits until it takes logins, and says how to reach it as superuser. */
	public DatabaseUrl ensure(Spec spec) {
		String image = images.ensure(IMAGE, "images/postgres");
		String password = password(spec.name() + "-password");
		String name = instance.resourceName(spec.name());
		String imageId = docker.api().inspectImageCmd(image).exec().getId();
		ensureNetwork(spec.network());
		InspectContainerResponse existing = docker.container(name).orElse(null);
		if (existing != null && !matches(existing, imageId, password, spec)) {
			log.info("Recreating {}: its image or settings changed (the data volume is kept)", name);
			docker.api().removeContainerCmd(name).withForce(true).exec();
			existing = null;
		}
		if (existing == null) {
			create(spec, name, image, password);
		}
		if (existing == null || !Boolean.TRUE.equals(existing.getState().getRunning())) {
			log.info("Starting the PostgreSQL server {}", name);
			docker.api().startContainerCmd(name).exec();
		}
		String host = spec.hostPort() != null ? "127.0.0.1" : address(name, spec.network());
		int port = spec.hostPort() != null ? spec.hostPort() : 5432;
		DatabaseUrl url = new DatabaseUrl(host, port, spec.database(), "postgres", password);
		awaitReadiness(name, url, spec);
		return url;
	}

	/** The container name of a server, which is also its host name on the networks it joins. */
	public String containerName(Spec spec) {
		return instance.resourceName(spec.name());
	}

	private void create(Spec spec, String name, String image, String password) {
		String volume = instance.resourceName(spec.name() + "-data");
		Map<String, String> labels = Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.ROLE, spec.role());
		if (docker.api().listVolumesCmd().exec().getVolumes().stream().noneMatch(v -> v.getName().equals(volume))) {
			docker.api().createVolumeCmd().withName(volume).withLabels(labels).exec();
		}
		ExposedPort postgres = ExposedPort.tcp(5432);
		HostConfig host = HostConfig.newHostConfig()
			.withBinds(new Bind(volume, new Volume("/var/lib/postgresql/data")))
			.withRestartPolicy(RestartPolicy.unlessStoppedRestart());
		if (spec.hostPort() != null) {
			host.withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", spec.hostPort()), postgres));
		}
		host.withNetworkMode(spec.network());
		CreateContainerCmd create = docker.api()
			.createContainerCmd(image)
			.withName(name)
			.withEnv("POSTGRES_PASSWORD=" + password, "POSTGRES_DB=" + spec.database())
			.withLabels(labels)
			.withExposedPorts(postgres)
			.withHostConfig(host);
		create.exec();
	}

	private boolean matches(InspectContainerResponse container, String imageId, String password, Spec spec) {
		List<String> env = List.of(container.getConfig().getEnv());
		if (!imageId.equals(container.getImageId()) || !env.contains("POSTGRES_PASSWORD=" + password)) {
			return false;
		}
		Map<String, ContainerNetwork> networks = container.getNetworkSettings().getNetworks();
		if (networks.containsKey("bridge") || !networks.containsKey(spec.network())) {
			return false;
		}
		if (spec.hostPort() == null) {
			return true;
		}
		Ports.Binding[] bindings = container.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(5432));
		return bindings != null && bindings.length == 1
				&& String.valueOf(spec.hostPort()).equals(bindings[0].getHostPortSpec());
	}

	/** A bridge network that only Slipway's own containers join; Docker keeps other networks' containers off it. */
	private void ensureNetwork(String network) {
		try {
			docker.api().inspectNetworkCmd().withNetworkId(network).exec();
		}
		catch (NotFoundException ex) {
			docker.api()
				.createNetworkCmd()
				.withName(network)
				.withDriver("bridge")
				.withLabels(Map.of(SlipwayLabels.INSTANCE, instance.name()))
				.exec();
		}
	}

	private String address(String name, String network) {
		ContainerNetwork attached = docker.api()
			.inspectContainerCmd(name)
			.exec()
			.getNetworkSettings()
			.getNetworks()
			.get(network);
		if (attached == null || attached.getIpAddress() == null || attached.getIpAddress().isBlank()) {
			throw new IllegalStateException(name + " has no address on the network " + network);
		}
		return attached.getIpAddress();
	}

	private void awaitReadiness(String name, DatabaseUrl url, Spec spec) {
		Instant deadline = Instant.now().plus(READINESS_TIMEOUT);
		Instant nextReport = Instant.now().plusSeconds(5);
		SQLException last = null;
		while (Instant.now().isBefore(deadline)) {
			try (Connection ignored = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password())) {
				return;
			}
			catch (SQLException ex) {
				last = ex;
			}
			if (Instant.now().isAfter(nextReport)) {
				log.info("Waiting for the PostgreSQL server {} to accept connections", name);
				nextReport = Instant.now().plusSeconds(5);
			}
			sleep();
		}
		throw new StartupFailure(
				"The PostgreSQL server " + name + " did not accept connections within " + READINESS_TIMEOUT.toSeconds()
						+ " s (" + (last != null ? last.getMessage() : "no answer") + "). Its last output:\n"
						+ String.join("\n", ContainerLogs.tail(docker, name, 20)),
				"Check `docker logs " + name + "`."
						+ (spec.hostPort() != null ? " If port " + spec.hostPort() + " is taken by another program, set "
								+ "SLIPWAY_DATABASE_PORT (slipway.database.port) to a free one." : ""));
	}

	private String password(String fileName) {
		return instance.secret(fileName, PostgresServers::randomPassword);
	}

	/** 32 letters and digits, easy to put in URLs and SQL literals. */
	public static String randomPassword() {
		String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 32; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the database", ex);
		}
	}

}
