package dev.slipway.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.github.dockerjava.api.command.InspectContainerResponse;

import org.springframework.stereotype.Component;

/**
 * Tells when a new web dyno is up: it accepts a TCP connection on $PORT, or, with an app.json health
 * check, answers its HTTP request (sent with the app's Host header) with a good status. Gives up
 * when the boot timeout passes or the process exits.
 */
@Component
class BootCheck {

	private static final long FIRST_PAUSE_MILLIS = 5;

	private static final long LAST_PAUSE_MILLIS = 100;

	private final DynoContainers containers;

	BootCheck(DynoContainers containers) {
		this.containers = containers;
	}

	/**
	 * Tries often at first, as a small app is up within milliseconds of its start and every wait here
	 * is a wait of the deploy, then less often (a JVM takes seconds), asking Docker each time whether
	 * the process still runs.
	 */
	BootOutcome await(String containerId, HealthCheck check, String host, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		String lastProblem = "it did not accept connections on $PORT";
		long pause = FIRST_PAUSE_MILLIS;
		while (Instant.now().isBefore(deadline)) {
			InspectContainerResponse container = containers.inspect(containerId);
			if (container == null) {
				return new BootOutcome.Failed("its container disappeared");
			}
			if (!Boolean.TRUE.equals(container.getState().getRunning())) {
				return crashed(container);
			}
			String address = containers.address(container);
			if (address != null) {
				BootOutcome outcome = check == null ? connect(address) : request(address, check, host);
				if (!(outcome instanceof BootOutcome.Failed failed)) {
					return outcome;
				}
				lastProblem = failed.reason();
			}
			sleep(pause);
			pause = Math.min(pause * 2, LAST_PAUSE_MILLIS);
		}
		return new BootOutcome.Failed(lastProblem + " within " + timeout.toSeconds() + " s");
	}

	/** Why a dyno that is not running stopped, as Heroku's "crashed" says it. */
	static BootOutcome.Failed crashed(InspectContainerResponse container) {
		return new BootOutcome.Failed("it crashed, its process exited with status " + container.getState().getExitCodeLong()
				+ (Boolean.TRUE.equals(container.getState().getOOMKilled()) ? " (out of memory)" : ""));
	}

	private static BootOutcome connect(String address) {
		return accepts(address, 1000) ? BootOutcome.UP
				: new BootOutcome.Failed("it did not accept connections on $PORT");
	}

	/** Whether something listens at {@code host:port}. */
	static boolean accepts(String address, int timeoutMillis) {
		try (Socket socket = new Socket()) {
			socket.connect(socketAddress(address), timeoutMillis);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A plain HTTP/1.1 GET, because the JDK's client will not send a Host header of our choosing. */
	private static BootOutcome request(String address, HealthCheck check, String host) {
		try (Socket socket = new Socket()) {
			socket.connect(socketAddress(address), 1000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + check.path() + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: Slipway-Healthcheck\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
				.readLine();
			int status = statusLine == null ? 0 : Integer.parseInt(statusLine.split(" ")[1]);
			boolean healthy = check.status() != null ? status == check.status() : status >= 200 && status < 400;
			return healthy ? BootOutcome.UP
					: new BootOutcome.Failed("its health check GET " + check.path() + " answered " + status);
		}
		catch (IOException | RuntimeException ex) {
			return new BootOutcome.Failed("its health check GET " + check.path() + " got no answer");
		}
	}

	private static InetSocketAddress socketAddress(String address) {
		int colon = address.lastIndexOf(':');
		return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
