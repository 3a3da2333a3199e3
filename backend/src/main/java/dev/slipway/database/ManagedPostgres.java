package dev.slipway.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.slipway.docker.ContainerLogs;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.PlatformImages;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's own PostgreSQL: a container of the Postgres platform image with a named
 * volume, published on 127.0.0.1 only, its superuser password generated once and kept in the
 * data directory.
 */
class ManagedPostgres {

	static final String IMAGE = "slipway/postgres:17";

	static final String DATABASE = "slipway";

	private static final Logger log = LoggerFactory.getLogger(ManagedPostgres.class);

	private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(90);

	private final DockerClients docker;

	private final PlatformImages images;

	private final InstanceSettings instance;

	private final DatabaseSettings settings;

	ManagedPostgres(DockerClients docker, PlatformImages images, InstanceSettings instance, DatabaseSettings settings) {
		this.docker = docker;
		this.images = images;
		this.instance = instance;
		this.settings = settings;
	}

	/** Starts the container unless it runs already, waits until it accepts logins and says where it is. */
	DatabaseUrl start() {
		String image = images.ensure(IMAGE, "images/postgres");
		String password = password();
		String name = instance.resourceName("postgres");
		String imageId = docker.api().inspectImageCmd(image).exec().getId();
		InspectContainerResponse existing = inspect(name);
		if (existing != null && !matches(existing, imageId, password)) {
			log.info("Recreating {}: its image or settings changed (the data volume is kept)", name);
			docker.api().removeContainerCmd(name).withForce(true).exec();
			existing = null;
		}
		if (existing == null) {
			create(name, image, password);
		}
		if (existing == null || !Boolean.TRUE.equals(existing.getState().getRunning())) {
			log.info("Starting the control-plane database ({}, 127.0.0.1:{})", name, settings.port());
			docker.api().startContainerCmd(name).exec();
		}
		DatabaseUrl url = new DatabaseUrl("127.0.0.1", settings.port(), DATABASE, "postgres", password);
		awaitReadiness(name, url);
		return url;
	}

	private void create(String name, String image, String password) {
		String volume = instance.resourceName("postgres-data");
		Map<String, String> labels = Map.of("dev.slipway.instance", instance.name(), "dev.slipway.role",
				"control-plane-database");
		if (docker.api().listVolumesCmd().exec().getVolumes().stream().noneMatch(v -> v.getName().equals(volume))) {
			docker.api().createVolumeCmd().withName(volume).withLabels(labels).exec();
		}
		ExposedPort postgres = ExposedPort.tcp(5432);
		docker.api()
			.createContainerCmd(image)
			.withName(name)
			.withEnv("POSTGRES_PASSWORD=" + password, "POSTGRES_DB=" + DATABASE)
			.withLabels(labels)
			.withExposedPorts(postgres)
			.withHostConfig(HostConfig.newHostConfig()
				.withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", settings.port()), postgres))
				.withBinds(new Bind(volume, new Volume("/var/lib/postgresql/data")))
				.withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
			.exec();
	}

	private boolean matches(InspectContainerResponse container, String imageId, String password) {
		List<String> env = List.of(container.getConfig().getEnv());
		Ports.Binding[] bindings = container.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(5432));
		return imageId.equals(container.getImageId()) && env.contains("POSTGRES_PASSWORD=" + password)
				&& bindings != null && bindings.length == 1
				&& String.valueOf(settings.port()).equals(bindings[0].getHostPortSpec());
	}

	private InspectContainerResponse inspect(String name) {
		try {
			return docker.api().inspectContainerCmd(name).exec();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private void awaitReadiness(String name, DatabaseUrl url) {
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
				log.info("Waiting for the control-plane database {} to accept connections", name);
				nextReport = Instant.now().plusSeconds(5);
			}
			sleep();
		}
		throw new StartupFailure(
				"The control-plane database " + name + " did not accept connections within " + READINESS_TIMEOUT.toSeconds()
						+ " s (" + (last != null ? last.getMessage() : "no answer") + "). Its last output:\n"
						+ String.join("\n", ContainerLogs.tail(docker, name, 20)),
				"Check `docker logs " + name + "`. If port " + settings.port() + " is taken by another program, set "
						+ "SLIPWAY_DATABASE_PORT (slipway.database.port) to a free one.");
	}

	private String password() {
		Path file = instance.dataFile("postgres-password");
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			String password = randomPassword();
			Files.writeString(file, password);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the database password in " + file, ex);
		}
	}

	static String randomPassword() {
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
