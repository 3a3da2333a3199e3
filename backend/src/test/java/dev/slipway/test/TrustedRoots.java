package dev.slipway.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the tests' own clients that trusts exactly the certificates of a PEM file (a test CA's root),
 * and nothing of the JDK's: a certificate the test CA did not issue fails the handshake.
 */
public final class TrustedRoots {

	private TrustedRoots() {
	}

	/** An SSL context whose only trust anchors are the certificates in {@code pemFile}. */
	public static SSLContext sslContext(Path pemFile) {
		try (InputStream in = Files.newInputStream(pemFile)) {
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			int index = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				trusted.setCertificateEntry("root-" + index++, certificate);
			}
			if (index == 0) {
				throw new IllegalStateException(pemFile + " holds no certificate");
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + pemFile, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot trust the certificates of " + pemFile, ex);
		}
	}

}
