package dev.slipway.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real ACME server for the tests: Debian's {@code pebble} and two {@code pebble-challtestsrv} as DNS,
 * run as processes on six consecutive ports from {@code firstPort}:
 * <ol start="0">
 * <li>pebble's ACME listener (HTTPS, {@link #directoryUrl()}),</li>
 * <li>pebble's management listener (its roots),</li>
 * <li>DNS "A", which Slipway's own pre-check asks ({@link #slipwayDnsServer()}),</li>
 * <li>A's management API,</li>
 * <li>DNS "B", which pebble's validation asks,</li>
 * <li>B's management API ({@link #pointCaAt}).</li>
 * </ol>
 * Both answer every name with 127.0.0.1 (and no IPv6 address), so each test hostname reaches the router,
 * whose HTTP port pebble's HTTP-01 validation connects to. Pebble's own TLS certificate is issued at start
 * by a throwaway CA ({@link #serverCaFile()}); the certificates pebble issues chain to a root it makes up
 * at each start ({@link #issuerRootFile()}). Nonces are never rejected, authorizations never reused and
 * validation does not sleep, so issuance takes a second or so.
 */
public final class Pebble implements AutoCloseable {

	/**
	 * An address to which pebble's HTTP-01 validation cannot connect and learns so at once, on any Linux
	 * machine: the kernel refuses a TCP connection to a multicast address ("connect: network is
	 * unreachable") without sending anything. What becomes of a documentation address such as 192.0.2.1
	 * depends on the network: where it is dropped, the validation waits for its timeout.
	 */
	public static final String UNREACHABLE = "224.0.0.1";

	/** The shell's exit status for a command it cannot find. */
	private static final int NOT_FOUND = 127;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int firstPort;

	private final Path directory;

	private final List<Process> processes = new ArrayList<>();

	private final Thread shutdownHook = new Thread(this::stopProcesses);

	private final HttpClient client;

	private Pebble(int firstPort, Path directory) {
		this.firstPort = firstPort;
		this.directory = directory;
		this.client = HttpClient.newBuilder()
			.sslContext(TrustedRoots.sslContext(serverCaFile()))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Runtime.getRuntime().addShutdownHook(shutdownHook);
	}

	/** Pebble issuing certificates valid for 5 years, its default. */
	public static Pebble start(int firstPort, int httpPort) {
		return start(firstPort, httpPort, null);
	}

	/**
	 * Pebble on ports {@code firstPort}..{@code firstPort + 5}, validating HTTP-01 challenges on
	 * {@code httpPort} and issuing certificates valid for {@code certificateValidity} (whole seconds; null:
	 * pebble's default of 5 years). Returns once every process answers; fails with a process's output when
	 * it does not, and at once when one of the ports is taken.
	 */
	public static Pebble start(int firstPort, int httpPort, Duration certificateValidity) {
		for (int port = firstPort; port <= firstPort + 5; port++) {
			requireFree(port);
		}
		Path directory;
		try {
			Files.createDirectories(Path.of("target"));
			directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pebble-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make a directory for pebble under target", ex);
		}
		writeServerCertificate(directory);
		Pebble pebble = new Pebble(firstPort, directory);
		try {
			pebble.startDns("dns-a", firstPort + 2, firstPort + 3);
			pebble.startDns("dns-b", firstPort + 4, firstPort + 5);
			pebble.startPebble(httpPort, certificateValidity);
			return pebble;
		}
		catch (RuntimeException ex) {
			pebble.close();
			throw ex;
		}
	}

	/** The ACME directory, to be Slipway's {@code slipway.acme.directory-url}. */
	public String directoryUrl() {
		return "https://localhost:" + firstPort + "/dir";
	}

	/** The DNS server ({@code host:port}) Slipway's pre-check is to ask: DNS "A". */
	public String slipwayDnsServer() {
		return "127.0.0.1:" + (firstPort + 2);
	}

	/** The PEM file of the throwaway CA that issued pebble's own TLS certificate: Slipway's {@code slipway.acme.ca-file}. */
	public Path serverCaFile() {
		return directory.resolve("server-ca.pem");
	}

	/** The PEM file of the root that the certificates pebble issues chain to, for {@code curl --cacert}. */
	public Path issuerRootFile() {
		return directory.resolve("issuer-root.pem");
	}

	/**
	 * From now on, pebble's validation (DNS "B") finds {@code hostname} at {@code ipv4} while Slipway's
	 * pre-check (DNS "A") still finds it at the router: with {@link #UNREACHABLE}, the HTTP-01 challenge
	 * for it fails at once.
	 */
	public void pointCaAt(String hostname, String ipv4) {
		manageDnsB("/add-a", Map.of("host", hostname + ".", "addresses", List.of(ipv4)));
	}

	/** Undoes {@link #pointCaAt}: pebble's validation finds {@code hostname} at the router again. */
	public void unpointCa(String hostname) {
		manageDnsB("/clear-a", Map.of("host", hostname + "."));
	}

	/** Stops every process. */
	@Override
	public void close() {
		stopProcesses();
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down, and the hook stops them anyway.
		}
	}

	private void startDns(String name, int dnsPort, int managementPort) {
		start(name, List.of("pebble-challtestsrv", "-dns01", "127.0.0.1:" + dnsPort, "-management",
				"127.0.0.1:" + managementPort, "-http01", "", "-https01", "", "-tlsalpn01", "", "-defaultIPv4",
				"127.0.0.1", "-defaultIPv6", ""), Map.of());
		await(name, () -> manage(managementPort, "/clear-a", Map.of("host", "slipway-pebble-probe.")));
	}

	private void startPebble(int httpPort, Duration certificateValidity) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("listenAddress", "127.0.0.1:" + firstPort);
		settings.put("managementListenAddress", "127.0.0.1:" + (firstPort + 1));
		settings.put("certificate", directory.resolve("server.pem").toString());
		settings.put("privateKey", directory.resolve("server-key.pem").toString());
		settings.put("httpPort", httpPort);
		// TLS-ALPN-01 is not used: a port of the block's that nothing listens on.
		settings.put("tlsPort", firstPort + 1);
		settings.put("ocspResponderURL", "");
		settings.put("externalAccountBindingRequired", false);
		if (certificateValidity != null) {
			settings.put("certificateValidityPeriod", certificateValidity.toSeconds());
		}
		Path config = directory.resolve("pebble-config.json");
		try {
			Files.writeString(config, JSON.writeValueAsString(Map.of("pebble", settings)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		start("pebble", List.of("pebble", "-config", config.toString(), "-dnsserver", "127.0.0.1:" + (firstPort + 4)),
				Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0", "PEBBLE_AUTHZREUSE", "0"));
		await("pebble", () -> get(URI.create(directoryUrl())));
		await("pebble", () -> Files.writeString(issuerRootFile(), get(managementUri("/roots/0"))));
	}

	/**
	 * Runs {@code command} under a shell that kills it once its standard input closes, which the kernel
	 * does when the test JVM ends, even by SIGKILL: no process outlives the tests.
	 */
	private void start(String name, List<String> command, Map<String, String> environment) {
		List<String> watched = new ArrayList<>(List.of("sh", "-c",
				// A background job's standard input is /dev/null: the watcher reads the shell's through fd 3.
				"exec 3<&0; \"$@\" 3<&- & child=$!; (cat <&3 >/dev/null; kill $child 2>/dev/null) & wait $child", name));
		watched.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(watched).redirectErrorStream(true)
			.redirectOutput(log(name).toFile());
		builder.environment().putAll(environment);
		try {
			processes.add(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run sh for " + name, ex);
		}
	}

	private Path log(String name) {
		return directory.resolve(name + ".log");
	}

	private interface Probe {

		void run() throws IOException, InterruptedException;

	}

	/** Waits until {@code probe} succeeds; fails with the process's output once it has exited or the time is up. */
	private void await(String name, Probe probe) {
		Process process = processes.getLast();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (true) {
			try {
				probe.run();
				return;
			}
			catch (IOException | RuntimeException ex) {
				if (!process.isAlive() || Instant.now().isAfter(deadline)) {
					String state = process.isAlive() ? " did not answer within " + START_TIMEOUT
							: process.exitValue() == NOT_FOUND
									? " is not installed: install Debian's pebble package (apt-get install pebble), as .ci/run does"
									: " exited with status " + process.exitValue();
					throw new IllegalStateException(name + state + " (" + ex.getMessage() + "); its output:\n"
							+ output(name), ex);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause();
		}
	}

	private String output(String name) {
		try {
			return Files.readString(log(name));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private String get(URI uri) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private URI managementUri(String path) {
		return URI.create("https://localhost:" + (firstPort + 1) + path);
	}

	private void manageDnsB(String path, Map<String, Object> body) {
		try {
			manage(firstPort + 5, path, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("DNS B (pebble-challtestsrv) did not take " + path + "; its output:\n"
					+ output("dns-b"), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void manage(int managementPort, String path, Map<String, Object> body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
			.timeout(Duration.ofSeconds(5))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("POST " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	/** Closes their standard input, on which each one's shell kills it, and waits for them to end. */
	private synchronized void stopProcesses() {
		for (Process process : processes) {
			try {
				process.getOutputStream().close();
			}
			catch (IOException ex) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
			}
		}
		for (Process process : processes) {
			try {
				if (!process.waitFor(5, TimeUnit.SECONDS)) {
					process.descendants().forEach(ProcessHandle::destroyForcibly);
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				Thread.currentThread().interrupt();
			}
		}
		processes.clear();
	}

	/** A port taken by another process would have it answer for pebble: fail at once, naming the port. */
	private static void requireFree(int port) {
		try (ServerSocket tcp = new ServerSocket()) {
			tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Pebble needs TCP port " + port + " of 127.0.0.1, which is taken: "
					+ ex.getMessage(), ex);
		}
		try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
			udp.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Pebble needs UDP port " + port + " of 127.0.0.1, which is taken: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * A throwaway CA and, issued by it, pebble's own certificate for localhost and 127.0.0.1, written as PEM
	 * files into {@code directory}.
	 */
	private static void writeServerCertificate(Path directory) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair caKey = generator.generateKeyPair();
			KeyPair serverKey = generator.generateKeyPair();
			X500Name caName = new X500Name("CN=Slipway tests' pebble server CA");
			Instant now = Instant.now();
			Date notBefore = Date.from(now.minus(Duration.ofHours(1)));
			Date notAfter = Date.from(now.plus(Duration.ofDays(1)));
			X509CertificateHolder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, notBefore, notAfter,
					caName, caKey.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate()));
			X509CertificateHolder server = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, notBefore, notAfter,
					new X500Name("CN=localhost"), serverKey.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
				.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
								new GeneralName(GeneralName.iPAddress, "127.0.0.1") }))
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate()));
			writePem(directory.resolve("server-ca.pem"), ca);
			writePem(directory.resolve("server.pem"), server);
			// PKCS#8: the bare EC key form would lack the curve, which Go's TLS needs.
			writePem(directory.resolve("server-key.pem"), new JcaPKCS8Generator(serverKey.getPrivate(), null));
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
			throw new IllegalStateException("Cannot make pebble's TLS certificate", ex);
		}
	}

	private static void writePem(Path file, Object object) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
				JcaPEMWriter pem = new JcaPEMWriter(writer)) {
			pem.writeObject(object);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
