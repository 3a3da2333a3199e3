package dev.slipway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.test.ControlPlane;
import dev.slipway.test.DockerCli;

import org.springframework.util.FileSystemUtils;

/**
 * Slipway started by the README's run command, as a user starts it, with its settings as the
 * environment variables the README lists: its own name, ports and data directory. Knows the pid of
 * the Slipway JVM (which may be a child of the command, as under Maven) from the log line Spring Boot
 * prints, to read its memory and CPU time from {@code /proc}.
 */
final class LaunchedSlipway extends ControlPlane {

	private static final Pattern PID = Pattern.compile("Starting SlipwayApplication .* with PID (\\d+)");

	private static final Pattern STARTED = Pattern.compile("Started SlipwayApplication in ([0-9.]+) seconds");

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> command;

	private final Path root;

	private final Map<String, String> environment;

	private final int port = freePort();

	private Process process;

	private volatile long pid;

	private volatile double springBootSeconds;

	/** The times of the last start: from the command to {@code /healthz} answering 200, and Spring Boot's own. */
	record Start(Duration toHealthy, double springBootSeconds) {
	}

	/** A fresh installation named {@code instance}: its containers and data directory are removed first. */
	LaunchedSlipway(Path root, List<String> command, String instance, int routerPort) {
		super(instance);
		this.root = root;
		this.command = command;
		Path dataDir = root.resolve("bench/target/" + instance + "-data");
		try {
			FileSystemUtils.deleteRecursively(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		DockerCli.removeInstance(instance);
		// The native memory tracker, for MemoryProfile to say what the resident memory holds: the run
		// command passes JAVA_OPTS on to the JVM after its own options.
		String javaOptions = (System.getenv().getOrDefault("JAVA_OPTS", "") + " -XX:NativeMemoryTracking=summary").strip();
		environment = Map.of("SLIPWAY_NAME", instance, "SLIPWAY_PORT", String.valueOf(port), "SLIPWAY_ROUTER_PORT",
				String.valueOf(routerPort), "SLIPWAY_DATABASE_PORT", String.valueOf(freePort()), "SLIPWAY_DATA_DIR",
				dataDir.toString(), "SLIPWAY_ADMIN_EMAIL", ADMIN_EMAIL, "SLIPWAY_ADMIN_PASSWORD", ADMIN_PASSWORD,
				"JAVA_OPTS", javaOptions);
	}

	@Override
	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	long pid() {
		return pid;
	}

	/** Runs the command and returns once {@code /healthz} answers 200; its output goes to {@code bench/target/<instance>.log}. */
	Start start() throws IOException, InterruptedException {
		pid = 0;
		springBootSeconds = 0;
		Path log = root.resolve("bench/target/" + instance() + ".log");
		long started = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		process = builder.start();
		process.getOutputStream().close();
		Thread.ofPlatform().daemon().start(() -> copyOutput(log));
		Duration timeout = Duration.ofMinutes(10);
		while (!healthy()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The run command exited with " + process.exitValue() + "; see " + log);
			}
			if (System.nanoTime() - started > timeout.toNanos()) {
				throw new IllegalStateException("Slipway did not answer within " + timeout + "; see " + log);
			}
			Thread.sleep(50);
		}
		Duration toHealthy = Duration.ofNanos(System.nanoTime() - started);
		while (pid == 0 || springBootSeconds == 0) {
			Thread.sleep(10);
		}
		return new Start(toHealthy, springBootSeconds);
	}

	/** Stops it as an operator does (SIGTERM to the JVM, a graceful shutdown) and waits for the command to end. */
	void stop() throws InterruptedException {
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
	}

	/** Stops it and removes its containers, volumes and networks (its dynos too). */
	void remove() throws InterruptedException {
		stop();
		DockerCli.removeInstance(instance());
	}

	private void copyOutput(Path log) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				var out = Files.newBufferedWriter(log)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				Matcher matcher = PID.matcher(line);
				if (matcher.find()) {
					pid = Long.parseLong(matcher.group(1));
				}
				matcher = STARTED.matcher(line);
				if (matcher.find()) {
					springBootSeconds = Double.parseDouble(matcher.group(1));
				}
				out.write(line);
				out.newLine();
				out.flush();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean healthy() throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/healthz")).timeout(Duration.ofSeconds(2)).build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
