package dev.slipway.builds.buildpack.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.slipway.builds.BuildFailed;
import dev.slipway.instance.InstanceSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Reads packuments from the npm registry Slipway is configured with, keeping each for a few minutes so a
 * series of pushes asks once. Requests trust the JDK's CAs and the installation's extra CA bundle, as the
 * images do, since the same TLS-intercepting proxy stands between Slipway and the registry.
 */
@Component
class NpmRegistry implements Packuments {

	static final Duration KEEP = Duration.ofMinutes(10);

	/** The abbreviated form: versions, engines and dist only, a fraction of the full document. */
	private static final String ABBREVIATED = "application/vnd.npm.install-v1+json";

	private static final String SETTING = "SLIPWAY_NPM_REGISTRY (slipway.build.node.npm-registry)";

	private final URI registry;

	private final HttpClient http;

	private final Clock clock;

	private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

	private record Fetched(Packument packument, Instant at) {
	}

	@Autowired
	NpmRegistry(@Value("${slipway.build.node.npm-registry:https://registry.npmjs.org}") String registry,
			InstanceSettings instance) {
		this(URI.create(registry.endsWith("/") ? registry : registry + "/"), instance.extraCa().orElse(null),
				Clock.systemUTC());
	}

	NpmRegistry(URI registry, Path extraCa, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.sslContext(sslContext(extraCa))
			.build();
	}

	@Override
	public Packument packument(String name) {
		Fetched fetched = cache.get(name);
		if (fetched != null && fetched.at().plus(KEEP).isAfter(clock.instant())) {
			return fetched.packument();
		}
		Packument packument = Packument.parse(fetch(name));
		cache.put(name, new Fetched(packument, clock.instant()));
		return packument;
	}

	private String fetch(String name) {
		// A scoped name keeps its @ and encodes its slash, as npm asks for it.
		URI uri = registry.resolve(name.replace("/", "%2f"));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Accept", ABBREVIATED)
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BuildFailed("Cannot reach the npm registry at " + registry + " (" + describe(ex)
					+ ") to resolve versions of " + name + ". Check " + SETTING + " and the network.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BuildFailed("Interrupted while asking the npm registry for " + name + ".", ex);
		}
		if (response.statusCode() != 200) {
			throw new BuildFailed("The npm registry at " + registry + " answered HTTP " + response.statusCode() + " for "
					+ name + ". Check " + SETTING + ".");
		}
		return response.body();
	}

	private static String describe(Throwable ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	/** The JDK's trusted CAs plus the certificates of the extra bundle, when there is one. */
	private static SSLContext sslContext(Path extraCa) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			if (extraCa == null) {
				context.init(null, null, null);
				return context;
			}
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			int n = 0;
			for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
				trusted.setCertificateEntry("jdk-" + n++, ca);
			}
			try (InputStream pem = Files.newInputStream(extraCa)) {
				for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
					trusted.setCertificateEntry("extra-" + n++, ca);
				}
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trusted);
			context.init(null, factory.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot trust the extra CA file " + extraCa + " for the npm registry", ex);
		}
	}

	private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init((KeyStore) null);
		for (var manager : factory.getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				return x509;
			}
		}
		throw new GeneralSecurityException("The JDK has no X.509 trust manager");
	}

}
