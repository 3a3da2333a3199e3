package dev.slipway.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.slipway.SlipwayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.FileSystemUtils;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one Slipway the integration tests share per run: the real application against the real
 * Docker Engine with its managed PostgreSQL, started once, restartable, and named
 * {@value #INSTANCE} so it never touches a developer's own installation.
 */
public final class SlipwayUnderTest {

	/** {@code slipway-it}, or the system property {@code slipway.it.instance} when several test runs share a machine. */
	public static final String INSTANCE = System.getProperty("slipway.it.instance", "slipway-it");

	public static final String ADMIN_EMAIL = "admin@slipway.test";

	public static final String ADMIN_PASSWORD = "correct-horse-battery";

	private static SlipwayUnderTest shared;

	private final Map<String, Object> properties = new HashMap<>();

	private ConfigurableApplicationContext context;

	private String adminToken;

	private final String instance;

	private SlipwayUnderTest(String instance, int routerPort) {
		this.instance = instance;
		Path dataDir = Path.of("target", instance + "-data").toAbsolutePath();
		deleteRecursively(dataDir);
		DockerCli.removeInstance(instance);
		properties.put("server.port", 0);
		properties.put("slipway.name", instance);
		properties.put("slipway.router.port", routerPort);
		properties.put("slipway.data-dir", dataDir.toString());
		properties.put("slipway.database.port", freePort());
		properties.put("slipway.admin.email", ADMIN_EMAIL);
		properties.put("slipway.admin.password", ADMIN_PASSWORD);
		// Releases that never bind $PORT fail sooner than in production, to keep the suite quick.
		properties.put("slipway.runtime.boot-timeout", "20s");
		start();
	}

	/** The shared instance, started on first use and stopped when the test JVM exits. */
	public static synchronized SlipwayUnderTest shared() {
		if (shared == null) {
			shared = new SlipwayUnderTest(INSTANCE, RouterClient.PORT);
			Runtime.getRuntime().addShutdownHook(new Thread(shared::remove));
		}
		return shared;
	}

	/** A Slipway of its own, for the benchmarks: its own containers, database and router port. */
	public static SlipwayUnderTest dedicated(String instance, int routerPort) {
		SlipwayUnderTest slipway = new SlipwayUnderTest(instance, routerPort);
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

	/** The git remote of an app, with the token as the password. */
	public String gitUrl(String app, String token) {
		return baseUrl().replace("http://", "http://git:" + token + "@") + "/git/" + app + ".git";
	}

	/** Creates an app as the admin and returns its name. */
	public String createApp(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
		Http.Response created = adminApi().post("/api/apps", Map.of("name", name));
		if (created.status() != 201) {
			throw new IllegalStateException("Cannot create the app " + name + ": " + created);
		}
		return name;
	}

	public String databaseContainer() {
		return instance + "-postgres";
	}

	/** An API token of the admin account, created on first use with email and password. */
	public synchronized String adminToken() {
		if (adminToken == null) {
			Http.Response created = Http.basic(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD)
				.post("/api/tokens", Map.of("name", "integration tests"));
			if (created.status() != 201) {
				throw new IllegalStateException("Cannot create the admin token: " + created);
			}
			adminToken = created.json().get("token").asString();
		}
		return adminToken;
	}

	/** A browser session of the admin, logged in through the login form. */
	public Http browserSession() {
		Http browser = Http.browser(baseUrl());
		Http.Response login = browser.submitForm("/login", "/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
		if (login.status() != 302 || login.header("Location").contains("error")) {
			throw new IllegalStateException("Cannot log in: " + login);
		}
		return browser;
	}

	public Http adminApi() {
		return Http.api(baseUrl(), adminToken());
	}

	private void start() {
		// As command-line arguments, so they win over application.yml and the environment.
		String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
		context = new SpringApplicationBuilder(SlipwayApplication.class).run(args);
	}

	/**
	 * Stops the control plane and removes the instance's containers, volumes and networks, so its
	 * router no longer holds the port a Slipway started afterwards needs; its images stay as a cache.
	 */
	private void remove() {
		stop();
		DockerCli.removeInstance(instance);
	}

	private synchronized void stop() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
