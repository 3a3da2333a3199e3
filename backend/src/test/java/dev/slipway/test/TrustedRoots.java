package dev.slipway.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the tests' own clients that trusts exactly the certificates of a PEM file (a test CA's root),
 * and nothing of the JDK's: a certificate the test CA did not issue fails the handshake. Connections go to
 * 127.0.0.1 with the hostname as SNI, so test hostnames need no DNS.
 */
public final class TrustedRoots {

	private static final int CONNECT_TIMEOUT = 5_000;

	private static final int READ_TIMEOUT = 20_000;

	private TrustedRoots() {
	}

	/**
	 * A TLS connection to 127.0.0.1:{@code port} as to {@code hostname}: that name as SNI, and the server's
	 * certificate checked against it (as HTTPS does) besides chaining to {@code context}'s roots.
	 */
	public static SSLSocket connect(SSLContext context, String hostname, int port) throws IOException {
		Socket plain = new Socket();
		try {
			plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT);
			plain.setSoTimeout(READ_TIMEOUT);
			// Layered with the hostname: the name it sends as SNI and checks the certificate against.
			SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostname, port, true);
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setServerNames(List.of(new SNIHostName(hostname)));
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			socket.setSSLParameters(parameters);
			socket.startHandshake();
			return socket;
		}
		catch (IOException ex) {
			plain.close();
			throw ex;
		}
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
