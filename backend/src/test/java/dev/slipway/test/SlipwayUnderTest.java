package dev.slipway.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.slipway.SlipwayApplication;
import dev.slipway.database.DatabaseUrl;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.FileSystemUtils;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one Slipway the integration tests share per run: the real application against the real
 * Docker Engine with its managed PostgreSQL, started once, restartable, and named
 * {@value #INSTANCE} so it never touches a developer's own installation.
 */
public final class SlipwayUnderTest extends ControlPlane {

	/**
	 * {@code slipway-it}, or the system property {@code slipway.it.instance} when several test runs share a
	 * machine; with {@code -<fork>} appended in the second fork on (see {@link TestFork}).
	 */
	public static final String INSTANCE = TestFork.instance(System.getProperty("slipway.it.instance", "slipway-it"));

	/** Lower than the default, so ForkBombAttackIT reaches it quickly; far above what a test's build needs. */
	public static final int BUILD_PIDS_LIMIT = 400;

	/** Lower than the default, so QuotaAttackIT reaches it quickly; no other test makes as many for one user. */
	public static final int MAX_APPS_PER_USER = 10;

	/** Lower than the default, so QuotaAttackIT reaches it quickly; no other test adds as many to one app. */
	public static final int MAX_DOMAINS_PER_APP = 5;

	/**
	 * The shared instance's log buffer: small, so that a flood of a few hundred thousand short lines
	 * fills an app's share many times over and its reader has to wait for room.
	 */
	public static final String LOG_BUFFER_SIZE = "2MB";

	/** The shared instance's limit on what a dyno writes to its own filesystem, checked every 5 s. */
	public static final String DYNO_DISK_LIMIT = "64MB";

	/**
	 * The shared instance's SSH port: the system property {@code slipway.it.ssh-port}, or its router port + 45,
	 * which no other test takes.
	 */
	public static final int SSH_PORT = TestFork.port("slipway.it.ssh-port", RouterClient.PORT + 45);

	private static SlipwayUnderTest shared;

	private final Map<String, Object> properties = new HashMap<>();

	private final Class<?> application;

	private ConfigurableApplicationContext context;

	private SlipwayUnderTest(String instance, int routerPort, Class<?> application, Map<String, Object> settings) {
		super(instance);
		this.application = application;
		properties.putAll(freshSettings(instance, routerPort));
		properties.putAll(settings);
		properties.put("server.port", 0);
		start();
	}

	/**
	 * The settings of a new installation named {@code instance}, whose data directory and Docker
	 * resources are removed first: the admin, quick boot timeouts, its own database port, its router
	 * port + 2, and HTTPS port, its router port + 3: never one another fork or test run takes, nor one from the kernel's ephemeral range, which
	 * an outgoing connection could take while the database restarts.
	 */
	static Map<String, Object> freshSettings(String instance, int routerPort) {
		Path dataDir = Path.of("target", instance + "-data").toAbsolutePath();
		deleteRecursively(dataDir);
		DockerCli.removeInstance(instance);
		Map<String, Object> settings = new HashMap<>();
		settings.put("slipway.name", instance);
		settings.put("slipway.router.port", routerPort);
		settings.put("slipway.router.https-port", routerPort + 3);
		settings.put("slipway.data-dir", dataDir.toString());
		settings.put("slipway.database.port", routerPort + 2);
		settings.put("slipway.admin.email", ADMIN_EMAIL);
		settings.put("slipway.admin.password", ADMIN_PASSWORD);
		// Releases that never bind $PORT fail sooner than in production, to keep the suite quick.
		settings.put("slipway.runtime.boot-timeout", "20s");
		// Short enough that the add-on attack test sees a query cancelled without waiting a minute.
		settings.put("slipway.addons.statement-timeout", "3s");
		// Small enough for DiskAttackIT to push past quickly, far above what the other tests push.
		settings.put("slipway.git.max-repository-size", "32MB");
		// Room for every add-on the suite makes (49 of 20 connections); AddonServerAttackIT fills one user's 5.
		settings.put("slipway.addons.max-connections", 1000);
		settings.put("slipway.apps.max-per-user", MAX_APPS_PER_USER);
		settings.put("slipway.build.pids-limit", BUILD_PIDS_LIMIT);
		settings.put("slipway.router.max-domains-per-app", MAX_DOMAINS_PER_APP);
		return settings;
	}

	/** The shared instance, started on first use and stopped when the test JVM exits. */
	public static synchronized SlipwayUnderTest shared() {
		if (shared == null) {
			shared = new SlipwayUnderTest(INSTANCE, RouterClient.PORT, SlipwayApplication.class,
					Map.of("slipway.logs.buffer-size", LOG_BUFFER_SIZE, "slipway.runtime.dyno-disk.limit", DYNO_DISK_LIMIT,
							"slipway.runtime.dyno-disk.check-interval", "5s", "slipway.ssh.port", SSH_PORT));
			Runtime.getRuntime().addShutdownHook(new Thread(shared::remove));
		}
		return shared;
	}

	/** A Slipway of its own, for the benchmarks: its own containers, database and router port. */
	public static SlipwayUnderTest dedicated(String instance, int routerPort) {
		return dedicated(instance, routerPort, SlipwayApplication.class);
	}

	/** A Slipway of its own with settings of its own (another base domain, a test CA), for a test class that needs them. */
	public static SlipwayUnderTest dedicated(String instance, int routerPort, Map<String, Object> settings) {
		SlipwayUnderTest slipway = new SlipwayUnderTest(instance, routerPort, SlipwayApplication.class, settings);
		Runtime.getRuntime().addShutdownHook(new Thread(slipway::remove));
		return slipway;
	}

	/**
	 * A Slipway of its own started from another application class, for a benchmark that swaps a
	 * component (the scale benchmark's simulated runtime) and keeps the rest.
	 */
	public static SlipwayUnderTest dedicated(String instance, int routerPort, Class<?> application) {
		SlipwayUnderTest slipway = new SlipwayUnderTest(instance, routerPort, application, Map.of());
		Runtime.getRuntime().addShutdownHook(new Thread(slipway::remove));
		return slipway;
	}

	/** Stops the control plane and starts it again with the same settings, as an operator's restart would. */
	public synchronized void restart() {
		stop();
		start();
	}

	public synchronized String baseUrl() {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	/** Provisions the app a Postgres add-on and says how to reach it from the tests, as the app's own role. */
	public DatabaseUrl provisionDatabase(String app) {
		Http.Response provisioned = adminApi().post("/api/apps/" + app + "/addons", Map.of("plan", "postgresql"));
		if (provisioned.status() != 201) {
			throw new IllegalStateException("Cannot provision a database for " + app + ": " + provisioned);
		}
		return reachable(DatabaseUrl
			.parse(adminApi().get("/api/apps/" + app + "/config-vars").json().get("DATABASE_URL").asString()));
	}

	/** An add-on's URL as an app gets it, pointed at the add-on server's address on Slipway's network, where the tests reach it. */
	public DatabaseUrl reachable(DatabaseUrl url) {
		String ip = DockerCli.run("inspect", "--format",
				"{{(index .NetworkSettings.Networks \"" + instance() + "-addons\").IPAddress}}", url.host())
			.strip();
		return new DatabaseUrl(ip, url.port(), url.database(), url.username(), url.password());
	}

	public String databaseContainer() {
		return instance() + "-postgres";
	}

	private void start() {
		// As command-line arguments, so they win over application.yml and the environment.
		String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
		context = new SpringApplicationBuilder(application).run(args);
	}

	/**
	 * Stops the control plane and removes the instance's containers, volumes and networks, so its
	 * router no longer holds the port a Slipway started afterwards needs; its images stay as a cache.
	 */
	public void remove() {
		stop();
		DockerCli.removeInstance(instance());
	}

	private synchronized void stop() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	private static void deleteRecursively(Path dir) {
		try {
			FileSystemUtils.deleteRecursively(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
