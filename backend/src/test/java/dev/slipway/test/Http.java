package dev.slipway.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP to a running Slipway: JSON calls with a token, and a browser-like session (cookies,
 * CSRF tokens read from the pages) for the dashboard's forms.
 */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient client;

	private final String authorization;

	private final boolean cookies;

	private Http(String baseUrl, String authorization, boolean cookies) {
		this(baseUrl, authorization, cookies, null);
	}

	private Http(String baseUrl, String authorization, boolean cookies, InetAddress localAddress) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
		this.cookies = cookies;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER);
		if (cookies) {
			builder.cookieHandler(new CookieManager());
		}
		if (localAddress != null) {
			builder.localAddress(localAddress);
		}
		this.client = builder.build();
	}

	/**
	 * The same kind of client (a new session for a browser) connecting from another address of this machine,
	 * such as 127.0.0.2: to Slipway a client of its own.
	 */
	public Http from(InetAddress localAddress) {
		return new Http(baseUrl, authorization, cookies, localAddress);
	}

	/** Calls the API with {@code Authorization: Bearer <token>}, or with none when token is null. */
	public static Http api(String baseUrl, String token) {
		return new Http(baseUrl, token == null ? null : "Bearer " + token, false);
	}

	/** Calls the API with HTTP Basic credentials (email and password, or a token as the password). */
	public static Http basic(String baseUrl, String user, String password) {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Http(baseUrl, "Basic " + credentials, false);
	}

	/** A browser-like session for the dashboard. */
	public static Http browser(String baseUrl) {
		return new Http(baseUrl, null, true);
	}

	/** The underlying client, for streams that outlive one request (server-sent events). */
	public HttpClient client() {
		return client;
	}

	public String url(String path) {
		return baseUrl + path;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response post(String path, Object json) {
		return sendJson("POST", path, json);
	}

	public Response patch(String path, Object json) {
		return sendJson("PATCH", path, json);
	}

	public Response sendJson(String method, String path, Object json) {
		String body = json instanceof String raw ? raw : JSON.writeValueAsString(json);
		return send(request(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts a form the way a browser does, with the CSRF token of the page at {@code formPage}. */
	public Response submitForm(String formPage, String action, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrfToken(get(formPage).body()));
		String body = form.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP request to " + baseUrl + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	static String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("The page has no CSRF token:\n" + page);
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}
