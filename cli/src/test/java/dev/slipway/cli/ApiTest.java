package dev.slipway.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API client against a real HTTP server that answers as Slipway does, or as something else does. */
class ApiTest {

	private HttpServer server;

	private final List<String> requests = new ArrayList<>();

	private URI base;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		answer("/api/apps/shop", 200, "application/json", "{\"name\":\"shop\",\"git_url\":\"x\"}");
		answer("/api/apps/gone", 404, "application/problem+json",
				"{\"status\":404,\"code\":\"app_not_found\",\"detail\":\"There is no app named gone.\"}");
		answer("/api/account", 401, "application/problem+json", "{\"status\":401,\"code\":\"unauthorized\"}");
		answer("/api/html", 200, "text/html", "<html>a login page</html>");
		answer("/api/broken", 502, "text/html", "<html>Bad gateway</html>");
		server.start();
		base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void sendsTheTokenAndReadsJson() {
		assertThat(Api.withToken(base, "t0k3n").get(Api.path("apps", "shop")).path("name").asString()).isEqualTo("shop");
		assertThat(requests).containsExactly("GET /api/apps/shop Bearer t0k3n");
	}

	@Test
	void aProblemDocumentBecomesItsDetailAndCode() {
		assertThatThrownBy(() -> Api.withToken(base, "t").get(Api.path("apps", "gone")))
			.isInstanceOfSatisfying(ApiException.class, ex -> {
				assertThat(ex.getMessage()).isEqualTo("There is no app named gone.");
				assertThat(ex.code()).isEqualTo("app_not_found");
				assertThat(ex.status()).isEqualTo(404);
			});
	}

	@Test
	void refusedCredentialsSayToLogInAgain() {
		assertThatThrownBy(() -> Api.withToken(base, "t").get(Api.path("account"))).hasMessageContaining("slipway login");
	}

	@Test
	void anAnswerThatIsNotSlipwaysSaysSo() {
		assertThatThrownBy(() -> Api.withToken(base, "t").get("/api/html")).isInstanceOf(CliException.class)
			.hasMessageContaining("not JSON");
		assertThatThrownBy(() -> Api.withToken(base, "t").get("/api/broken")).isInstanceOf(ApiException.class)
			.hasMessageContaining("HTTP 502");
	}

	@Test
	void anAddressThatDoesNotAnswerSaysWhichAndWhatToDo() {
		URI nowhere = URI.create("http://127.0.0.1:1/");
		assertThatThrownBy(() -> Api.withToken(nowhere, "t").get(Api.path("apps"))).isInstanceOf(CliException.class)
			.hasMessageContaining("Cannot reach Slipway at " + nowhere)
			.hasMessageContaining("slipway login URL");
	}

	@Test
	void pathSegmentsAndQueriesAreEncoded() {
		assertThat(Api.path("apps", "shop", "domains", "a b/c")).isEqualTo("/api/apps/shop/domains/a%20b%2Fc");
		assertThat(Api.query("/api/x", Map.of("q", "a&b"))).isEqualTo("/api/x?q=a%26b");
	}

	private void answer(String path, int status, String type, String body) {
		server.createContext(path, exchange -> {
			requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
					+ exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", type);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
	}

}
