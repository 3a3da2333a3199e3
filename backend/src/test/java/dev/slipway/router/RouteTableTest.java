package dev.slipway.router;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

	private final RouterSettings settings = new RouterSettings(8000, 8443, "example.test", "", Duration.ofSeconds(5),
			Duration.ofSeconds(30), 100);

	private static final TlsCertificate OWN = new TlsCertificate("chain-a", "key-a");

	private static final TlsCertificate CUSTOM = new TlsCertificate("chain-b", "key-b");

	@Test
	void anAddressTwoRoutesNameForAMomentIsInTheDynoMapOnce() {
		String config = RouteTable.render(1, settings, routing(
				Map.of("old", Route.serving(List.of(new Upstream("172.18.0.5:5000", "web.1"))), "new",
						Route.serving(List.of(new Upstream("172.18.0.5:5000", "web.2")))),
				Map.of("old", List.of("old.example.test"), "new", List.of("new.example.test")), Map.of(), Map.of(), 0));
		assertThat(config.lines().filter(line -> line.strip().startsWith("\"172.18.0.5:5000\""))).hasSize(1);
		assertThat(config).contains("server 172.18.0.5:5000;");
	}

	@Test
	void eachCertificateOfAnAppGetsAnHttpsServerForTheHostnamesItCovers() {
		String config = RouteTable.render(1, settings, routing(
				Map.of("web", Route.serving(List.of(new Upstream("172.18.0.5:5000", "web.1")))),
				Map.of("web", List.of("web.example.test", "www.shop.test", "shop.test")),
				Map.of("web.example.test", OWN, "www.shop.test", CUSTOM, "shop.test", CUSTOM), Map.of(), 0));
		assertThat(config).contains("server_name web.example.test www.shop.test shop.test;")
			.contains("listen 8443 ssl;\n    http2 on;\n    server_name web.example.test;\n    ssl_certificate "
					+ RouteTable.file(OWN) + ";")
			.contains("server_name www.shop.test shop.test;\n    ssl_certificate " + RouteTable.file(CUSTOM) + ";")
			.contains("return 301 https://$host:8443$request_uri;")
			.doesNotContain("Strict-Transport-Security");
		assertThat(config.lines().filter(line -> line.contains("proxy_pass http://app_web;"))).hasSize(3);
	}

	@Test
	void aHostnameWithoutACertificateIsNeitherRedirectedNorServedOverHttps() {
		String config = RouteTable.render(1, settings, routing(
				Map.of("web", Route.serving(List.of(new Upstream("172.18.0.5:5000", "web.1")))),
				Map.of("web", List.of("web.example.test", "new.shop.test")), Map.of("web.example.test", OWN),
				Map.of(), 0));
		String redirects = config.substring(config.indexOf("map $host $slipway_https_redirect"),
				config.indexOf("}", config.indexOf("map $host $slipway_https_redirect")));
		assertThat(redirects).contains("web.example.test 1;", "new.shop.test 0;");
		assertThat(config).contains("server_name new.shop.test;\n    ssl_reject_handshake on;")
			.doesNotContain("server_name new.shop.test;\n    ssl_certificate");
	}

	@Test
	void anotherAppsWildcardTakesNeitherTheRedirectNorTheHandshakeOfANameWithoutACertificate() {
		String config = RouteTable.render(1, settings, routing(
				Map.of("wild", Route.unavailable(Route.State.NOT_DEPLOYED), "plain",
						Route.unavailable(Route.State.NOT_DEPLOYED)),
				Map.of("wild", List.of("*.shop.test"), "plain", List.of("www.shop.test")), Map.of("*.shop.test", CUSTOM),
				Map.of(), 0));
		assertThat(config).contains("*.shop.test 1;", "www.shop.test 0;")
			.contains("server_name www.shop.test;\n    ssl_reject_handshake on;");
	}

	@Test
	void anAppThatTurnedRedirectsOffAndHstsOnIsServedOnBothWithTheHeader() {
		String config = RouteTable.render(1, settings, routing(Map.of("web", Route.unavailable(Route.State.NOT_DEPLOYED)),
				Map.of("web", List.of("web.example.test")), Map.of("web.example.test", OWN),
				Map.of("web", new HttpsPolicy(false, true)), 0));
		assertThat(config).doesNotContain("return 301").contains("Strict-Transport-Security");
		assertThat(config.lines().filter(line -> line.contains("return 503"))).hasSize(2);
	}

	@Test
	void everyPlainHttpServerAnswersAcmeChallengesBeforeAnyRedirect() {
		String config = RouteTable.render(1, settings, routing(Map.of("web", Route.unavailable(Route.State.NOT_DEPLOYED)),
				Map.of("web", List.of("web.example.test")), Map.of("web.example.test", OWN), Map.of(), 8080));
		assertThat(config.split("location \\^~ /.well-known/acme-challenge/", -1)).hasSize(4);
	}

	@Test
	void slipwayItselfIsServedAtItsHostnameOnceItsWebServerListensAndOnHttpsWithItsCertificate() {
		String config = RouteTable.render(1, settings, routing(Map.of(), Map.of(),
				Map.of("slipway.example.test", OWN), Map.of(), 8080));
		assertThat(config).contains("server_name slipway.example.test;")
			.contains("proxy_pass http://127.0.0.1:8080;")
			.contains("proxy_set_header X-Forwarded-For $remote_addr;")
			.contains("return 301 https://$host:8443$request_uri;");
		assertThat(RouteTable.render(1, settings, routing(Map.of(), Map.of(), Map.of(), Map.of(), 0)))
			.doesNotContain("slipway.example.test");
	}

	@Test
	void theNameServersAreReadFromResolvConfWithIpv6InBrackets(@TempDir Path dir) throws Exception {
		Path resolvConf = dir.resolve("resolv.conf");
		Files.writeString(resolvConf, "# comment\nsearch example\nnameserver 10.0.0.2\nnameserver ::1\noptions ndots:1\n");
		assertThat(RouteTable.nameservers(resolvConf)).isEqualTo("10.0.0.2 [::1]");
		assertThat(RouteTable.nameservers(dir.resolve("missing"))).isEmpty();
	}

	private static Routing routing(Map<String, Route> routes, Map<String, List<String>> hostnames,
			Map<String, TlsCertificate> certificates, Map<String, HttpsPolicy> policies, int controlPlanePort) {
		return new Routing(routes, Map.of(), hostnames, certificates, policies, controlPlanePort, Set.of());
	}

}
