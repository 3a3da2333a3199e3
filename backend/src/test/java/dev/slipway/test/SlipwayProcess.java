package dev.slipway.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.slipway.SlipwayApplication;

/**
 * Slipway as a process of its own, on the test JVM's class path with the settings of
 * {@link SlipwayUnderTest}, so a test can kill it as a crash would (SIGKILL: no shutdown hook, no
 * stopping of anything) and start it again on the same data directory and database. Its own
 * instance name and router port keep it apart from the shared Slipway; its output goes to
 * {@code target/<instance>.log}.
 */
public final class SlipwayProcess extends ControlPlane implements AutoCloseable {

	/** {@code <slipway.it.instance>-process}, or the system property {@code slipway.it.process-instance}. */
	public static final String INSTANCE = TestFork.instance("slipway.it.process-instance",
			SlipwayUnderTest.INSTANCE + "-process");

	/** The router port of the shared one plus 10, or the system property {@code slipway.it.process-router-port}. */
	public static final int ROUTER_PORT = TestFork.port("slipway.it.process-router-port", RouterClient.PORT + 10);

	/** {@code <slipway.it.instance>-first-run}: a Slipway with no account yet. */
	public static final String FIRST_RUN_INSTANCE = SlipwayUnderTest.INSTANCE + "-first-run";

	/** The router port of the shared one plus 20, or the system property {@code slipway.it.first-run-router-port}. */
	public static final int FIRST_RUN_ROUTER_PORT = TestFork.port("slipway.it.first-run-router-port",
			RouterClient.PORT + 20);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static SlipwayProcess shared;

	private final List<String> command = new ArrayList<>();

	/**
	 * Its router port plus one. Not a port from the kernel's ephemeral range: while Slipway is down
	 * between a kill and a start, an outgoing connection (the health check's own, which can connect to
	 * itself) may take such a port, and the start then fails with "port already in use".
	 */
	private final int serverPort;

	private final int routerPort;

	private final Path log;

	private Process process;

	private SlipwayProcess(String instance, int routerPort, boolean withAdmin) {
		super(instance);
		log = Path.of("target", instance + ".log").toAbsolutePath();
		this.routerPort = routerPort;
		serverPort = routerPort + 1;
		Map<String, Object> settings = SlipwayUnderTest.freshSettings(instance, routerPort);
		settings.put("server.port", serverPort);
		if (!withAdmin) {
			settings.remove("slipway.admin.email");
			settings.remove("slipway.admin.password");
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// The tests restart it often: the quick compiler only, for a faster start on a small host.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(SlipwayApplication.class.getName());
		// As command-line arguments, so they win over application.yml and the environment.
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		start();
	}

	/** The one process of this test JVM, started on first use and removed with its containers when the JVM exits. */
	public static synchronized SlipwayProcess shared() {
		if (shared == null) {
			shared = new SlipwayProcess(INSTANCE, ROUTER_PORT, true);
			Runtime.getRuntime().addShutdownHook(new Thread(shared::remove));
		}
		return shared;
	}

	/**
	 * A new installation with an empty database and no admin settings, as on a first start: its setup page
	 * waits for the admin account. Removed with its containers by {@link #close()}.
	 */
	public static SlipwayProcess firstRun() {
		return new SlipwayProcess(FIRST_RUN_INSTANCE, FIRST_RUN_ROUTER_PORT, false);
	}

	/** What it has written to its log so far, across its starts. */
	public String log() {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops it and removes its containers, volumes and networks. */
	@Override
	public void close() {
		remove();
	}

	@Override
	public String baseUrl() {
		return "http://127.0.0.1:" + serverPort;
	}

	public int routerPort() {
		return routerPort;
	}

	/** SIGKILL, as a crash or the kernel's OOM killer would end it; returns once it is gone. */
	public synchronized void kill() {
		process.destroyForcibly();
		awaitExit();
	}

	/** Kills it and starts it again on the same data; returns once it answers. */
	public synchronized void crashAndRestart() {
		kill();
		start();
	}

	/** Starts it and waits until it answers its health check, which it does only once its start-up is done. */
	public synchronized void start() {
		try {
			Files.writeString(log, "--- started at " + Instant.now() + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start Slipway as a process", ex);
		}
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (!healthy()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Slipway exited with status " + process.exitValue() + " while starting; see " + log);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Slipway did not answer within " + START_TIMEOUT + "; see " + log);
			}
			pause();
		}
	}

	private boolean healthy() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/healthz")).timeout(Duration.ofSeconds(2)).build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitExit() {
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				throw new IllegalStateException("Slipway did not exit within 2 minutes; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private synchronized void remove() {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			awaitExit();
		}
		DockerCli.removeInstance(instance());
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
