package dev.slipway.certificates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.slipway.test.Curl;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.Pebble;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SelfSignedCertificate;
import dev.slipway.test.SlipwayUnderTest;
import dev.slipway.test.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS end to end against a real ACME CA: Debian's pebble, whose DNS makes every name of the test
 * resolve to this machine, validating HTTP-01 challenges through Slipway's router. Pebble issues
 * certificates valid for a minute, so each is renewed (at two thirds of its life) while the tests run.
 */
class HttpsIT {

	private static final int ROUTER_PORT = RouterClient.PORT + 30;

	private static final int HTTPS_PORT = ROUTER_PORT + 3;

	private static final int PEBBLE_PORT = ROUTER_PORT + 4;

	private static final String BASE_DOMAIN = "https-it.test";

	private static final Duration VALIDITY = Duration.ofSeconds(60);

	private static Pebble pebble;

	private static SlipwayUnderTest slipway;

	private static Curl curl;

	private static String app;

	@BeforeAll
	static void start() {
		pebble = Pebble.start(PEBBLE_PORT, ROUTER_PORT, VALIDITY);
		slipway = SlipwayUnderTest.dedicated(SlipwayUnderTest.INSTANCE + "-https", ROUTER_PORT,
				Map.of("slipway.router.base-domain", BASE_DOMAIN, "slipway.acme.directory-url", pebble.directoryUrl(),
						"slipway.acme.ca-file", pebble.serverCaFile().toString(), "slipway.acme.dns-server",
						pebble.slipwayDnsServer(), "slipway.acme.challenge-port", ROUTER_PORT));
		curl = new Curl(pebble.issuerRootFile(), HTTPS_PORT, ROUTER_PORT);
		app = slipway.createApp("secure");
		GitProject.Push push = GitProject.sample("dockerfile").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.output()).isTrue();
	}

	@AfterAll
	static void stop() {
		if (slipway != null) {
			slipway.remove();
		}
		if (pebble != null) {
			pebble.close();
		}
	}

	@Test
	void anAppIsIssuedACertificateAndAnswersOverHttp2WhilePlainHttpRedirects() {
		String host = app + "." + BASE_DOMAIN;
		JsonNode certificate = awaitCertificate(app, host, status -> status.equals("ISSUED"));
		assertThat(Instant.parse(certificate.get("expires_at").asString())).isAfter(Instant.now());

		Curl.Response secure = curl.getHttp2(host, "/");
		assertThat(secure.status()).as(secure.toString()).isEqualTo(200);
		assertThat(secure.httpVersion()).isEqualTo("2");
		assertThat(secure.body()).contains("docker v1");

		Curl.Response plain = curl.getPlain(host, "/path?q=1");
		assertThat(plain.status()).as(plain.toString()).isEqualTo(301);
		assertThat(plain.header("Location")).isEqualTo("https://" + host + ":" + HTTPS_PORT + "/path?q=1");
		awaitLog(app, "[acme]: HTTPS for " + host + " with a certificate from the CA");
		assertThat(slipway.adminApi().get("/api/apps/" + app).json().get("web_url").asString())
			.isEqualTo("https://" + host + ":" + HTTPS_PORT + "/");
	}

	@Test
	void aCustomDomainGetsACertificateOfItsOwnAndRemovingItTakesItOffTheRouter() {
		String domain = "shop-" + UUID.randomUUID().toString().substring(0, 6) + ".example.test";
		assertThat(slipway.adminApi().post("/api/apps/" + app + "/domains", Map.of("hostname", domain)).status())
			.isEqualTo(201);
		awaitCertificate(app, domain, status -> status.equals("ISSUED"));
		Curl.Response secure = curl.get(domain, "/");
		assertThat(secure.status()).as(secure.toString()).isEqualTo(200);
		X509Certificate served = curl.servedCertificate(domain);
		assertThat(names(served)).containsExactly(domain);

		assertThat(slipway.adminApi().delete("/api/apps/" + app + "/domains/" + domain).status()).isEqualTo(204);
		assertThat(curl.attempt(domain, "/").error()).isNotEmpty();
		assertThat(curl.getPlain(domain, "/").status()).isEqualTo(404);
		assertThat(certificates(app).valueStream().map(node -> node.get("hostname").asString())).doesNotContain(domain);
	}

	@Test
	void aCertificateAboutToExpireIsRenewedWhileRequestsOverHttpsAllSucceed() {
		String host = app + "." + BASE_DOMAIN;
		String first = awaitCertificate(app, host, status -> status.equals("ISSUED")).get("expires_at").asString();
		Curl.Loop loop = curl.loopUntil(host, "/",
				() -> !certificate(app, host).get("expires_at").asString().equals(first), VALIDITY.multipliedBy(2));
		assertThat(certificate(app, host).get("expires_at").asString()).as("renewed").isNotEqualTo(first);
		assertThat(loop.failures()).as(loop.toString()).isZero();
		assertThat(loop.requests()).isPositive();
	}

	@Test
	void aChallengeTheCaCannotReachShowsItsReasonOnThePageAndTheAppKeepsServingHttp() {
		String domain = "unreachable-" + UUID.randomUUID().toString().substring(0, 6) + ".example.test";
		pebble.pointCaAt(domain, Pebble.UNREACHABLE);
		assertThat(slipway.adminApi().post("/api/apps/" + app + "/domains", Map.of("hostname", domain)).status())
			.isEqualTo(201);
		JsonNode failed = awaitCertificate(app, domain, status -> status.equals("FAILED"));
		String problem = failed.get("problem").asString();
		assertThat(problem).contains("The CA could not check " + domain, Pebble.UNREACHABLE);

		Http.Response page = slipway.browserSession().get("/apps/" + app + "/settings");
		assertThat(page.body()).contains(domain, "failed", "The CA could not check " + domain);
		RouterClient.Answer plain = RouterClient.get(ROUTER_PORT, domain, "/", null);
		assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
		assertThat(plain.body()).contains("docker v1");
	}

	@Test
	void anUploadedCertificateServesTheHostnamesItNamesInsteadOfTheCasUntilItIsRemoved() throws Exception {
		String domain = "own-" + UUID.randomUUID().toString().substring(0, 6) + ".example.test";
		assertThat(slipway.adminApi().post("/api/apps/" + app + "/domains", Map.of("hostname", domain)).status())
			.isEqualTo(201);
		SelfSignedCertificate own = SelfSignedCertificate.of(List.of("*.example.test"), Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(30)));
		Http.Response uploaded = slipway.adminApi()
			.sendJson("PUT", "/api/apps/" + app + "/certificate",
					Map.of("certificate_chain", own.chainPem(), "private_key", own.keyPem()));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
		assertThat(uploaded.body()).contains(domain).doesNotContain(app + "." + BASE_DOMAIN);
		assertThat(certificate(app, domain).get("source").asString()).isEqualTo("UPLOADED");
		Path ownRoot = Files.writeString(Files.createTempFile(Path.of("target"), "uploaded-", ".pem"), own.chainPem());
		Curl trustingOwn = new Curl(ownRoot, HTTPS_PORT, ROUTER_PORT);
		assertThat(trustingOwn.get(domain, "/").body()).contains("docker v1");

		Http.Response refused = slipway.adminApi()
			.sendJson("PUT", "/api/apps/" + app + "/certificate",
					Map.of("certificate_chain", own.chainPem(), "private_key", SelfSignedCertificate
						.of(List.of("*.example.test"), Instant.now(), Instant.now().plusSeconds(600)).keyPem()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("code").asString()).isEqualTo("certificate_key_mismatch");

		assertThat(slipway.adminApi().delete("/api/apps/" + app + "/certificate").status()).isEqualTo(204);
		awaitCertificate(app, domain, status -> status.equals("ISSUED"));
		assertThat(certificate(app, domain).get("source").asString()).isEqualTo("ACME");
		assertThat(curl.get(domain, "/").status()).isEqualTo(200);
		assertThat(slipway.adminApi().delete("/api/apps/" + app + "/domains/" + domain).status()).isEqualTo(204);
	}

	@Test
	void gitPushesOverHttpsToSlipwaysOwnHostnameDeploy() {
		String own = "slipway." + BASE_DOMAIN;
		String remote = "https://" + own + ":" + HTTPS_PORT + "/git/";
		String target = slipway.createApp("pushed");
		awaitGitUrl(target, remote + target + ".git");

		GitProject project = GitProject.sample("dockerfile");
		// git finds Slipway's hostname at this machine, and trusts the test CA's root alone.
		project.git("config", "http.curloptResolve", own + ":" + HTTPS_PORT + ":127.0.0.1");
		GitProject.Push push = project.push(remote.replace("https://", "https://git:" + slipway.adminToken() + "@")
				+ target + ".git", Map.of("GIT_SSL_CAINFO", pebble.issuerRootFile().toString()));
		assertThat(push.succeeded()).as(push.output()).isTrue();
		assertThat(push.output()).contains("Released v1");
		awaitCertificate(target, target + "." + BASE_DOMAIN, status -> status.equals("ISSUED"));
		assertThat(curl.get(target + "." + BASE_DOMAIN, "/").body()).contains("docker v1");

		Http.Response reserved = slipway.adminApi().post("/api/apps", Map.of("name", "slipway"));
		assertThat(reserved.status()).as(reserved.toString()).isEqualTo(409);
		assertThat(reserved.json().get("code").asString()).isEqualTo("app_name_reserved");

		Curl.Response login = curl.get(own, "/login");
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.header("Set-Cookie")).contains("SLIPWAY_SESSION=").containsIgnoringCase("Secure");
		assertThat(curl.getPlain(own, "/login").status()).isEqualTo(301);
	}

	@Test
	void aWebSocketEchoAppAnswersOverWss() {
		String echo = slipway.createApp("echo");
		GitProject.Push push = GitProject.sample("websocket").push(slipway, echo, slipway.adminToken());
		assertThat(push.succeeded()).as(push.output()).isTrue();
		String host = echo + "." + BASE_DOMAIN;
		awaitCertificate(echo, host, status -> status.equals("ISSUED"));
		assertThat(WebSocketClient.echoOverTls(pebble.issuerRootFile(), host, HTTPS_PORT, "/echo", "hello over wss"))
			.isEqualTo("hello over wss");
	}

	private static JsonNode certificates(String app) {
		Http.Response listed = slipway.adminApi().get("/api/apps/" + app + "/certificates");
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		return listed.json();
	}

	private static JsonNode certificate(String app, String hostname) {
		return certificates(app).valueStream()
			.filter(node -> node.get("hostname").asString().equals(hostname))
			.findFirst()
			.orElseThrow(() -> new AssertionError(app + " lists no certificate for " + hostname));
	}

	/** Waits for the hostname's certificate status to match, for at most a minute. */
	private static JsonNode awaitCertificate(String app, String hostname, Predicate<String> status) {
		Instant deadline = Instant.now().plusSeconds(60);
		JsonNode certificate = certificate(app, hostname);
		while (!status.test(certificate.get("status").asString())) {
			assertThat(Instant.now()).as("the certificate of " + hostname + " is still " + certificate).isBefore(deadline);
			sleep();
			certificate = certificate(app, hostname);
		}
		return certificate;
	}

	private static void awaitLog(String app, String text) {
		Instant deadline = Instant.now().plusSeconds(30);
		String log = slipway.adminApi().get("/api/apps/" + app + "/logs?lines=1000").body();
		while (!log.contains(text)) {
			assertThat(Instant.now()).as("the log of " + app + " has no '" + text + "':\n" + log).isBefore(deadline);
			sleep();
			log = slipway.adminApi().get("/api/apps/" + app + "/logs?lines=1000").body();
		}
	}

	private static void awaitGitUrl(String app, String expected) {
		Instant deadline = Instant.now().plusSeconds(60);
		String gitUrl = slipway.adminApi().get("/api/apps/" + app).json().get("git_url").asString();
		while (!gitUrl.equals(expected)) {
			assertThat(Instant.now()).as("the git remote is still " + gitUrl).isBefore(deadline);
			sleep();
			gitUrl = slipway.adminApi().get("/api/apps/" + app).json().get("git_url").asString();
		}
	}

	private static List<String> names(X509Certificate certificate) {
		try {
			return certificate.getSubjectAlternativeNames().stream().map(name -> name.get(1).toString()).toList();
		}
		catch (java.security.cert.CertificateParsingException ex) {
			throw new AssertionError(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
