package dev.slipway.test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.shredzone.acme4j.util.KeyPairUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link Pebble} fixture against acme4j, with a plain HTTP server of the test's own in the router's
 * place: it issues certificates of the validity asked for, chained to {@link Pebble#issuerRootFile()}, and
 * {@link Pebble#pointCaAt} makes a challenge fail with the CA's reason while Slipway's DNS still answers
 * 127.0.0.1.
 */
class PebbleIT {

	private static final int FIRST_PORT = RouterClient.PORT + 43;

	private static final int HTTP_PORT = RouterClient.PORT + 49;

	private static final Duration VALIDITY = Duration.ofMinutes(3);

	private static final Map<String, String> CHALLENGES = new ConcurrentHashMap<>();

	private static HttpServer challengeServer;

	private static Pebble pebble;

	private static Account account;

	@BeforeAll
	static void start() throws Exception {
		// acme4j's key and CSR utilities need it, as Slipway's ACME client does.
		Security.addProvider(new BouncyCastleProvider());
		challengeServer = HttpServer.create(new InetSocketAddress("127.0.0.1", HTTP_PORT), 10);
		challengeServer.createContext("/.well-known/acme-challenge/", exchange -> {
			String token = exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
			byte[] body = CHALLENGES.getOrDefault(token, "").getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		challengeServer.start();
		pebble = Pebble.start(FIRST_PORT, HTTP_PORT, VALIDITY);
		GenericAcmeProvider trustingPebble = new GenericAcmeProvider() {

			@Override
			public HttpClient createHttpClient(NetworkSettings settings) {
				return HttpClient.newBuilder().sslContext(TrustedRoots.sslContext(pebble.serverCaFile())).build();
			}

		};
		account = new AccountBuilder().agreeToTermsOfService()
			.useKeyPair(KeyPairUtils.createKeyPair())
			.create(new Session(URI.create(pebble.directoryUrl()), trustingPebble));
	}

	@AfterAll
	static void stop() {
		if (pebble != null) {
			pebble.close();
		}
		if (challengeServer != null) {
			challengeServer.stop(0);
		}
	}

	@Test
	void issuesCertificatesOfTheValidityAskedForChainedToItsRoot() throws Exception {
		Order order = account.newOrder().domain("issued.pebble.test").create();
		assertThat(validate(order)).isEqualTo(Status.VALID);
		order.execute(KeyPairUtils.createKeyPair());
		assertThat(order.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(Status.VALID);
		List<X509Certificate> chain = order.getCertificate().getCertificateChain();
		X509Certificate issued = chain.getFirst();

		assertThat(Duration.between(issued.getNotBefore().toInstant(), issued.getNotAfter().toInstant()))
			.isBetween(VALIDITY.minusSeconds(1), VALIDITY);
		X509Certificate root;
		try (InputStream in = Files.newInputStream(pebble.issuerRootFile())) {
			root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		chain.getLast().verify(root.getPublicKey());
	}

	@Test
	void aNamePointedElsewhereFailsItsChallengeWithTheCasReason() throws Exception {
		pebble.pointCaAt("unreachable.pebble.test", Pebble.UNREACHABLE);

		assertThat(addresses(pebble.slipwayDnsServer(), "unreachable.pebble.test")).containsExactly("127.0.0.1");
		Order order = account.newOrder().domain("unreachable.pebble.test").create();
		Http01Challenge challenge = challenge(order);
		assertThat(challenge.waitForCompletion(Duration.ofSeconds(60))).isEqualTo(Status.INVALID);
		assertThat(challenge.getError().orElseThrow().getDetail().orElseThrow())
			.contains("dial tcp " + Pebble.UNREACHABLE + ":" + HTTP_PORT, "network is unreachable");

		pebble.unpointCa("unreachable.pebble.test");
		assertThat(validate(account.newOrder().domain("unreachable.pebble.test").create())).isEqualTo(Status.VALID);
	}

	private static Status validate(Order order) throws Exception {
		return challenge(order).waitForCompletion(Duration.ofSeconds(60));
	}

	/** The order's HTTP-01 challenge, answered by the challenge server and triggered. */
	private static Http01Challenge challenge(Order order) throws Exception {
		Http01Challenge challenge = order.getAuthorizations().getFirst().findChallenge(Http01Challenge.class).orElseThrow();
		CHALLENGES.put(challenge.getToken(), challenge.getAuthorization());
		challenge.trigger();
		return challenge;
	}

	/** The A records {@code dnsServer} gives for {@code name}. */
	private static List<String> addresses(String dnsServer, String name) throws Exception {
		Hashtable<String, String> environment = new Hashtable<>();
		environment.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
		environment.put("java.naming.provider.url", "dns://" + dnsServer);
		Attribute records = new InitialDirContext(environment).getAttributes(name, new String[] { "A" }).get("A");
		return records == null ? List.of() : Collections.list(records.getAll()).stream().map(Object::toString).toList();
	}

}
