package dev.slipway.addons;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.database.DatabaseUrl;
import dev.slipway.database.PostgresServers;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Slipway's add-on PostgreSQL server, apart from the control plane's: it joins the network of each
 * app with a database on it, so the app's dynos reach it by its container name, and Slipway
 * administers it over a network of its own.
 */
@Component
class AddonServer {

	private static final Logger log = LoggerFactory.getLogger(AddonServer.class);

	private final PostgresServers servers;

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final AddonSettings settings;

	private DatabaseUrl superuser;

	AddonServer(PostgresServers servers, DockerClients docker, InstanceSettings instance, AddonSettings settings) {
		this.servers = servers;
		this.docker = docker;
		this.instance = instance;
		this.settings = settings;
	}

	private PostgresServers.Spec spec() {
		return new PostgresServers.Spec("addon-database", "addon-postgres", "postgres", null, network());
	}

	/** The server's host name on app networks. */
	String host() {
		return servers.containerName(spec());
	}

	/** Runs the statements as superuser, starting the server first if needed. */
	synchronized void execute(String... statements) {
		run(administrativeAddress(), statements);
	}

	/**
	 * Where a role of the server is reached from outside Docker's networks (for Slipway and its tests).
	 * Once started, no add-on role may connect to the server's own databases, and its max_connections is
	 * the setting's, which a restart of the server applies when it changed.
	 */
	synchronized DatabaseUrl administrativeAddress() {
		if (superuser == null) {
			ensureNetwork();
			DatabaseUrl started = servers.ensure(spec());
			run(started, "REVOKE ALL ON DATABASE postgres FROM PUBLIC", "REVOKE ALL ON DATABASE template1 FROM PUBLIC");
			if (!query(started, "SHOW max_connections").equals(List.of(String.valueOf(settings.maxConnections())))) {
				log.info("Restarting the add-on server {} to set its max_connections to {} (SLIPWAY_ADDONS_MAX_CONNECTIONS)",
						host(), settings.maxConnections());
				run(started, "ALTER SYSTEM SET max_connections = " + settings.maxConnections(),
						"ALTER SYSTEM SET superuser_reserved_connections = " + AddonSettings.RESERVED_CONNECTIONS);
				docker.api().restartContainerCmd(host()).exec();
				started = servers.ensure(spec());
			}
			superuser = started;
		}
		return superuser;
	}

	/** Whether the server was ever started (its container exists), so that there is anything on it to look after. */
	boolean exists() {
		return docker.container(host()).isPresent();
	}

	/** The first column of a query run as superuser, such as names from the catalog. */
	synchronized List<String> names(String query) {
		return query(administrativeAddress(), query);
	}

	private List<String> query(DatabaseUrl url, String query) {
		List<String> names = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
				Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			superuser = null;
			throw new IllegalStateException("The add-on PostgreSQL server refused: " + ex.getMessage(), ex);
		}
		return names;
	}

	private void run(DatabaseUrl url, String... statements) {
		try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			superuser = null;
			throw new IllegalStateException("The add-on PostgreSQL server refused: " + ex.getMessage(), ex);
		}
	}

	void join(String appNetwork) {
		try {
			docker.api().connectToNetworkCmd().withNetworkId(appNetwork).withContainerId(host()).exec();
		}
		catch (ConflictException | IllegalStateException alreadyJoined) {
			// Connected already.
		}
		catch (RuntimeException ex) {
			if (!String.valueOf(ex.getMessage()).contains("already exists")) {
				throw ex;
			}
		}
	}

	void leave(String appNetwork) {
		try {
			docker.api().disconnectFromNetworkCmd().withNetworkId(appNetwork).withContainerId(host()).withForce(true).exec();
		}
		catch (NotFoundException | ConflictException ex) {
			// Not connected.
		}
		catch (InternalServerErrorException ex) {
			// Docker 26 and newer answer 500 for a container that is not connected.
			if (!String.valueOf(ex.getMessage()).contains("is not connected")) {
				throw ex;
			}
		}
	}

	private String network() {
		return instance.resourceName("addons");
	}

	private void ensureNetwork() {
		try {
			docker.api().inspectNetworkCmd().withNetworkId(network()).exec();
		}
		catch (NotFoundException ex) {
			docker.api()
				.createNetworkCmd()
				.withName(network())
				.withDriver("bridge")
				.withLabels(Map.of(SlipwayLabels.INSTANCE, instance.name()))
				.exec();
		}
	}

}
