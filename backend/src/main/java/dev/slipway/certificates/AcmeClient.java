package dev.slipway.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.slipway.router.Router;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gets certificates from the ACME CA (RFC 8555) with acme4j: one account per CA directory, kept in
 * the database, and HTTP-01 challenges answered by the router. Used by one thread at a time.
 */
@Component
class AcmeClient {

	private static final Logger log = LoggerFactory.getLogger(AcmeClient.class);

	private static final Duration VALIDATION_TIMEOUT = Duration.ofMinutes(2);

	private final AcmeSettings settings;

	private final AcmeAccounts accounts;

	private final Router router;

	private Login login;

	AcmeClient(AcmeSettings settings, AcmeAccounts accounts, Router router) {
		this.settings = settings;
		this.accounts = accounts;
		this.router = router;
	}

	/** Proves control of the hostname through the router and returns the certificate the CA issued. */
	IssuedCertificate issue(String hostname) throws IssuanceRefused {
		try {
			Order order = login().newOrder().domain(hostname).create();
			for (Authorization authorization : order.getAuthorizations()) {
				if (authorization.getStatus() != Status.VALID) {
					answer(hostname, authorization);
				}
			}
			KeyPair key = newKeyPair();
			order.execute(key);
			if (order.waitForCompletion(VALIDATION_TIMEOUT) != Status.VALID) {
				throw new IssuanceRefused("The CA did not issue the certificate: "
						+ order.getError().map(AcmeClient::describe).orElse("order " + order.getStatus()), null);
			}
			org.shredzone.acme4j.Certificate certificate = order.getCertificate();
			X509Certificate leaf = certificate.getCertificate();
			return new IssuedCertificate(Pem.certificates(certificate.getCertificateChain()), Pem.privateKey(key.getPrivate()),
					leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
		}
		catch (AcmeRateLimitedException ex) {
			throw new IssuanceRefused("The CA's rate limit: " + describe(ex.getProblem()), ex.getRetryAfter().orElse(null));
		}
		catch (AcmeServerException ex) {
			throw new IssuanceRefused("The CA refused: " + describe(ex.getProblem()), null);
		}
		catch (AcmeException ex) {
			login = null;
			throw new IssuanceRefused("Cannot talk to the CA at " + settings.directoryUrl() + ": " + ex.getMessage(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IssuanceRefused("Interrupted while waiting for the CA", null);
		}
	}

	/** Serves the HTTP-01 answer through the router while the CA checks it, and says what the CA found. */
	private void answer(String hostname, Authorization authorization)
			throws AcmeException, InterruptedException, IssuanceRefused {
		Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class)
			.orElseThrow(() -> new IssuanceRefused("The CA offers no HTTP-01 challenge for " + hostname
					+ ", the only kind the router answers", null));
		router.publishChallenge(challenge.getToken(), challenge.getAuthorization());
		try {
			challenge.trigger();
			if (challenge.waitForCompletion(VALIDATION_TIMEOUT) != Status.VALID) {
				throw new IssuanceRefused("The CA could not check " + hostname + ": "
						+ challenge.getError().map(AcmeClient::describe).orElse("challenge " + challenge.getStatus()), null);
			}
		}
		finally {
			router.withdrawChallenge(challenge.getToken());
		}
	}

	private Login login() throws AcmeException, IssuanceRefused {
		if (login != null) {
			return login;
		}
		Session session = session();
		AcmeAccount stored = accounts.findById(settings.directoryUrl()).orElse(null);
		if (stored != null) {
			KeyPair keyPair = Pem.keyPair(stored.keyPair());
			login = session.login(toUrl(stored.location()), keyPair);
			return login;
		}
		if (!settings.termsAgreed()) {
			throw new IssuanceRefused("Slipway has no account at the CA yet and may not agree to its terms of service ("
					+ session.getMetadata().getTermsOfService().map(URI::toString).orElse(settings.directoryUrl())
					+ "): read them and set SLIPWAY_ACME_TERMS_AGREED=true", null);
		}
		KeyPair keyPair = newKeyPair();
		AccountBuilder builder = new AccountBuilder().agreeToTermsOfService().useKeyPair(keyPair);
		if (!settings.email().isBlank()) {
			builder.addEmail(settings.email().strip());
		}
		Account account = builder.create(session);
		accounts.save(new AcmeAccount(settings.directoryUrl(), account.getLocation().toString(), Pem.keyPair(keyPair)));
		log.info("Created an account at the ACME CA {}", settings.directoryUrl());
		login = session.login(account.getLocation(), keyPair);
		return login;
	}

	/** An EC P-256 key pair from the JDK's own provider (acme4j's helper needs BouncyCastle's registered). */
	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK cannot make EC P-256 keys", ex);
		}
	}

	/** A session with the CA; with an extra CA bundle to trust, for a private or test CA. */
	private Session session() {
		URI directory = URI.create(settings.directoryUrl());
		if (settings.caFile().isBlank() || !"https".equals(directory.getScheme())) {
			return new Session(directory);
		}
		SSLContext tls = trusting(Path.of(settings.caFile()));
		return new Session(directory, new GenericAcmeProvider() {
			@Override
			public HttpClient createHttpClient(NetworkSettings network) {
				return HttpClient.newBuilder()
					.connectTimeout(network.getTimeout())
					.followRedirects(HttpClient.Redirect.NORMAL)
					.proxy(network.getProxySelector())
					.sslContext(tls)
					.build();
			}
		});
	}

	/** The JDK's CAs and the ones in {@code bundle}. */
	static SSLContext trusting(Path bundle) {
		try {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			defaults.init((KeyStore) null);
			int n = 0;
			for (javax.net.ssl.TrustManager manager : defaults.getTrustManagers()) {
				if (manager instanceof javax.net.ssl.X509TrustManager x509) {
					for (X509Certificate ca : x509.getAcceptedIssuers()) {
						store.setCertificateEntry("jdk-" + n++, ca);
					}
				}
			}
			try (var in = Files.newInputStream(bundle)) {
				for (var ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
					store.setCertificateEntry("extra-" + n++, ca);
				}
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read SLIPWAY_ACME_CA_FILE " + bundle, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot trust the CA certificates in " + bundle + ": " + ex.getMessage(), ex);
		}
	}

	/** The CA's problem as a sentence: its detail, with the detail of each identifier's own problem. */
	static String describe(Problem problem) {
		String type = problem.getType().toString().replace("urn:ietf:params:acme:error:", "");
		String detail = problem.getDetail().orElse(problem.getTitle().orElse(type));
		String sub = problem.getSubProblems()
			.stream()
			.map(AcmeClient::describe)
			.collect(Collectors.joining("; "));
		return detail + " (" + type + ")" + (sub.isEmpty() ? "" : ": " + sub);
	}

	private static URL toUrl(String location) {
		try {
			return new URI(location).toURL();
		}
		catch (URISyntaxException | IOException ex) {
			throw new IllegalStateException("The stored ACME account location is not a URL: " + location, ex);
		}
	}

}
