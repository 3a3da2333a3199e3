package dev.slipway.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLSocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real curl against the router, reaching an app by its hostname without DNS
 * ({@code --resolve <host>:<port>:127.0.0.1}) and trusting only the given root ({@code --cacert}): HTTPS
 * (HTTP/1.1 or HTTP/2), plain HTTP without following redirects, and a bounded request loop over HTTPS that
 * counts failures, as while a certificate is replaced.
 */
public final class Curl {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Ends the body in curl's output; what {@code --write-out} gives follows it. */
	private static final String MARKER = "\n--slipway-curl-write-out--\n";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** Starts each line of the loop's {@code --write-out}: status and curl's error, if any. */
	private static final String LOOP_LINE = "slipway-curl-loop ";

	/** The URLs one curl process fetches in a loop, one after the other. */
	private static final int BATCH = 25;

	/** The failures a loop keeps for its message. */
	private static final int FAILURES_KEPT = 5;

	private final Path rootFile;

	private final int httpsPort;

	private final int httpPort;

	/** curl to the router's {@code httpsPort} and {@code httpPort} on 127.0.0.1, trusting the roots of {@code rootFile}. */
	public Curl(Path rootFile, int httpsPort, int httpPort) {
		this.rootFile = rootFile;
		this.httpsPort = httpsPort;
		this.httpPort = httpPort;
	}

	/**
	 * An answer: status, HTTP version ("1.1", "2"), headers (names in lower case) and body; or curl's error
	 * (status 0) when there was none.
	 */
	public record Response(int status, String httpVersion, Map<String, List<String>> headers, String body, String error) {

		/** The first value of header {@code name}, or null. */
		public String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.getFirst();
		}

		@Override
		public String toString() {
			return error != null ? "curl error: " + error : "HTTP/" + httpVersion + " " + status + " " + headers + " " + body;
		}

	}

	/** What a request loop saw: how many requests, how many failed and the first few failures. */
	public record Loop(int requests, int failures, List<String> firstFailures) {

		@Override
		public String toString() {
			return failures + " of " + requests + " requests failed" + (firstFailures.isEmpty() ? "" : ", first: " + firstFailures);
		}

	}

	/** {@code GET https://<host><path>} over HTTP/1.1; fails the test on a curl error. */
	public Response get(String host, String path) {
		return require(request(https(host, path), List.of("--http1.1")));
	}

	/** {@code GET https://<host><path>} over HTTP/2 where the router offers it (ALPN); fails the test on a curl error. */
	public Response getHttp2(String host, String path) {
		return require(request(https(host, path), List.of("--http2")));
	}

	/** {@code GET http://<host><path>} on the router's HTTP port, following no redirect; fails the test on a curl error. */
	public Response getPlain(String host, String path) {
		return require(request("http://" + host + ":" + httpPort + path, List.of()));
	}

	/**
	 * {@code GET https://<host><path>} as it is, curl's error included: say, "SSL: no alternative certificate
	 * subject name matches" for a host the router has no certificate for.
	 */
	public Response attempt(String host, String path) {
		return request(https(host, path), List.of("--http1.1"));
	}

	/**
	 * Requests {@code https://<host><path>} one after the other, each on a new connection (a new TLS
	 * handshake), until {@code done} says so or {@code limit} has passed, and counts the failures: curl
	 * errors and statuses outside 2xx.
	 */
	public Loop loopUntil(String host, String path, BooleanSupplier done, Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		int requests = 0;
		int failures = 0;
		List<String> firstFailures = new ArrayList<>();
		do {
			List<String> command = new ArrayList<>(base(host));
			command.addAll(List.of("--http1.1", "-H", "Connection: close", "-w", LOOP_LINE + "%{http_code} %{errormsg}\\n"));
			for (int i = 0; i < BATCH; i++) {
				command.addAll(List.of("-o", "/dev/null", https(host, path)));
			}
			Command.Result result = Command.run(command, TIMEOUT.multipliedBy(BATCH));
			List<String> answers = result.output()
				.lines()
				.filter(line -> line.startsWith(LOOP_LINE))
				.map(line -> line.substring(LOOP_LINE.length()))
				.toList();
			for (String answer : answers) {
				if (!answer.startsWith("2")) {
					failures++;
					if (firstFailures.size() < FAILURES_KEPT) {
						firstFailures.add(answer.strip());
					}
				}
			}
			// Requests curl did not get to, such as after it crashed, failed too.
			if (answers.size() < BATCH) {
				failures += BATCH - answers.size();
				if (firstFailures.size() < FAILURES_KEPT) {
					firstFailures.add("curl answered " + answers.size() + " of " + BATCH + ": " + result.output().strip());
				}
			}
			requests += BATCH;
		}
		while (!done.getAsBoolean() && Instant.now().isBefore(deadline));
		return new Loop(requests, failures, List.copyOf(firstFailures));
	}

	/**
	 * The certificate the router presents for {@code host} (as SNI) on its HTTPS port, which must chain to the
	 * root: to see its issuer, serial number or expiry.
	 */
	public X509Certificate servedCertificate(String host) {
		try (SSLSocket socket = TrustedRoots.connect(TrustedRoots.sslContext(rootFile), host, httpsPort)) {
			return (X509Certificate) socket.getSession().getPeerCertificates()[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No TLS handshake with the router as " + host + " on port " + httpsPort, ex);
		}
	}

	private String https(String host, String path) {
		return "https://" + host + ":" + httpsPort + path;
	}

	private List<String> base(String host) {
		return List.of("curl", "--silent", "--show-error", "--max-time", String.valueOf(TIMEOUT.toSeconds()),
				"--cacert", rootFile.toString(), "--resolve", host + ":" + httpsPort + ":127.0.0.1", "--resolve",
				host + ":" + httpPort + ":127.0.0.1");
	}

	private Response request(String url, List<String> options) {
		String host = url.replaceFirst("^https?://", "").replaceFirst(":.*", "");
		List<String> command = new ArrayList<>(base(host));
		command.addAll(options);
		command.addAll(List.of("-w", MARKER + "%{json}\\n%{header_json}\\n", url));
		String output = Command.run(command, TIMEOUT.plusSeconds(5)).output();
		int marker = output.lastIndexOf(MARKER);
		if (marker < 0) {
			throw new IllegalStateException("curl " + url + " wrote no --write-out: " + output);
		}
		// One line of transfer details, then the headers as JSON over several lines.
		String writeOut = output.substring(marker + MARKER.length());
		int endOfDetails = writeOut.indexOf('\n');
		JsonNode info = JSON.readTree(writeOut.substring(0, endOfDetails));
		if (info.path("exitcode").asInt() != 0) {
			return new Response(0, "", Map.of(), "", info.path("errormsg").asString());
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		JSON.readTree(writeOut.substring(endOfDetails + 1))
			.properties()
			.forEach(header -> headers.put(header.getKey(), header.getValue().valueStream().map(JsonNode::asString).toList()));
		return new Response(info.path("response_code").asInt(), info.path("http_version").asString(), headers,
				output.substring(0, marker), null);
	}

	private static Response require(Response response) {
		if (response.error() != null) {
			throw new IllegalStateException("curl failed: " + response.error());
		}
		return response;
	}

}
