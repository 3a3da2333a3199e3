package dev.slipway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Slipway's JSON API as the CLI speaks it: one base URL and one token, every refusal turned into an
 * {@link ApiException} carrying the problem document's detail, and answers bounded in size.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	/** A JSON answer larger than this is refused rather than held: no listing the API gives comes near it. */
	private static final int MAX_JSON_BYTES = 16 * 1024 * 1024;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long an answer may take to start: the slowest calls (a config change's rollout, an add-on's
	 * database) answer well within it; a streamed answer (a log tail) starts at once and then runs on.
	 */
	private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

	private final URI base;

	private final String authorization;

	private final HttpClient http;

	private Api(URI base, String authorization) {
		this.base = base;
		this.authorization = authorization;
		this.http = HttpClient.newBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** The API as a token's owner. */
	static Api withToken(URI base, String token) {
		return new Api(base, "Bearer " + token);
	}

	/** The API as a user signing in with email and password: only creating a token accepts this. */
	static Api withPassword(URI base, String email, String password) {
		String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Api(base, "Basic " + basic);
	}

	URI base() {
		return base;
	}

	/**
	 * An API path from its segments, each encoded: {@code path("apps", name, "config-vars")} is
	 * {@code /api/apps/<name>/config-vars}.
	 */
	static String path(String... segments) {
		StringBuilder path = new StringBuilder("/api");
		for (String segment : segments) {
			path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
		}
		return path.toString();
	}

	/** A path with query parameters, each encoded; null values are left out. */
	static String query(String path, Map<String, ?> parameters) {
		StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
		parameters.forEach((name, value) -> {
			if (value != null) {
				query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}

	JsonNode get(String path) {
		return json(request(path).GET());
	}

	JsonNode post(String path, Object body) {
		return json(request(path).POST(body(body)));
	}

	JsonNode put(String path, Object body) {
		return json(request(path).PUT(body(body)));
	}

	JsonNode patch(String path, Object body) {
		return json(request(path).method("PATCH", body(body)));
	}

	JsonNode delete(String path) {
		return json(request(path).DELETE());
	}

	/** A text answer (build output, logs) handed over line by line as it arrives, never held whole. */
	void lines(String path, Consumer<String> line) {
		HttpResponse<InputStream> response = send(request(path).header("Accept", "text/plain, */*").GET());
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			for (String next = reader.readLine(); next != null; next = reader.readLine()) {
				line.accept(next);
			}
		}
		catch (IOException ex) {
			throw new CliException("The answer from " + base + " broke off: " + ex.getMessage());
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(base.resolve(path))
			.timeout(ANSWER_TIMEOUT)
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.header("User-Agent", "slipway-cli/" + CliVersion.version());
	}

	private static BodyPublisher body(Object body) {
		return BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
	}

	private JsonNode json(HttpRequest.Builder request) {
		HttpResponse<InputStream> response = send(request.header("Content-Type", "application/json"));
		byte[] bytes = readBounded(response.body());
		if (bytes.length == 0) {
			return NullNode.getInstance();
		}
		try {
			return JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new CliException("The answer from " + base + " is not JSON; is " + base
					+ " a Slipway? Log in to the right one with: slipway login URL");
		}
	}

	private HttpResponse<InputStream> send(HttpRequest.Builder request) {
		HttpResponse<InputStream> response;
		try {
			response = http.send(request.build(), BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted.");
		}
		catch (HttpTimeoutException ex) {
			throw new CliException("Slipway at " + base + " did not answer within " + ANSWER_TIMEOUT.toMinutes()
					+ " minutes; try again, and if it still does not, ask its admin to look at Slipway's own log.");
		}
		catch (IOException ex) {
			throw new CliException("Cannot reach Slipway at " + base + " (" + describe(ex)
					+ "). Check the address, or log in to another with: slipway login URL");
		}
		VersionCheck.check(response);
		if (response.statusCode() >= 300) {
			throw refusal(response);
		}
		return response;
	}

	private ApiException refusal(HttpResponse<InputStream> response) {
		int status = response.statusCode();
		JsonNode problem;
		try {
			problem = JSON.readTree(readBounded(response.body()));
		}
		catch (JacksonException | CliException ex) {
			problem = NullNode.getInstance();
		}
		String code = problem.path("code").asString("");
		String detail = problem.path("detail").asString("");
		if (status == 401) {
			return new ApiException(status, code.isEmpty() ? "unauthorized" : code,
					"Slipway at " + base + " refused the credentials"
							+ (detail.isEmpty() ? "" : " (" + detail + ")") + ". Log in again with: slipway login");
		}
		if (detail.isEmpty()) {
			detail = problem.path("title").asString("");
		}
		if (detail.isEmpty()) {
			detail = "Slipway at " + base + " answered HTTP " + status + " to " + response.request().method() + " "
					+ response.request().uri().getPath() + ".";
		}
		return new ApiException(status, code, detail);
	}

	private static byte[] readBounded(InputStream body) {
		try (body) {
			byte[] bytes = body.readNBytes(MAX_JSON_BYTES + 1);
			if (bytes.length > MAX_JSON_BYTES) {
				throw new CliException("The answer is larger than " + MAX_JSON_BYTES / 1024 / 1024
						+ " MiB; the CLI does not take more.");
			}
			return bytes;
		}
		catch (InterruptedIOException ex) {
			throw new CliException("Interrupted.");
		}
		catch (IOException ex) {
			throw new CliException("The answer broke off: " + describe(ex));
		}
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
	}

}
