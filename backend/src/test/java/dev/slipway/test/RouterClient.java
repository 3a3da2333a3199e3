package dev.slipway.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Requests through Slipway's router as a browser would make them: to 127.0.0.1 on the router port,
 * with the app's Host header ({@code <app>.localhost}).
 */
public final class RouterClient {

	/**
	 * 8000, or the system property {@code slipway.it.router-port} when several test runs share a machine;
	 * 50 more in each further fork (see {@link TestFork}).
	 */
	public static final int PORT = TestFork.port(Integer.getInteger("slipway.it.router-port", 8000));

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private RouterClient() {
	}

	public record Answer(int status, String body) {

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

	public static Answer get(String app) {
		return get(PORT, app);
	}

	/** Asks the router on {@code port}, that of a Slipway of its own. */
	public static Answer get(int port, String app) {
		return get(port, app + ".localhost", "/", null);
	}

	public static Answer get(String host, String path, String requestId) {
		return get(PORT, host, path, requestId);
	}

	/** Asks the router on {@code port} for {@code path} of {@code host}, with an X-Request-Id when one is given. */
	public static Answer get(int port, String host, String path, String requestId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Host", host)
			.timeout(Duration.ofSeconds(40));
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Answer(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Asks until the answer matches (a deploy's effects take a moment to show), or fails with the last one. */
	public static Answer await(String app, Predicate<Answer> condition, Duration timeout) {
		return await(PORT, app, condition, timeout);
	}

	/** Like {@link #await(String, Predicate, Duration)}, through the router on {@code port}. */
	public static Answer await(int port, String app, Predicate<Answer> condition, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		Answer answer = get(port, app);
		while (!condition.test(answer)) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("The router never gave the expected answer for " + app + "; the last was " + answer);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			answer = get(port, app);
		}
		return answer;
	}

}
