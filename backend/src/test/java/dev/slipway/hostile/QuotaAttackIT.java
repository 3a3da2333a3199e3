package dev.slipway.hostile;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.slipway.test.Http;
import dev.slipway.test.OtherUser;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant who makes things without end: apps, API tokens, custom domains, and request bodies of
 * megabytes, with a length and sent in chunks. Each stops at its limit with a problem that names it,
 * and what was made before still works.
 */
class QuotaAttackIT {

	private static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void aUserOwnsAtMostTheAppLimit() {
		OtherUser tenant = OtherUser.create(slipway, "hoarder");
		String prefix = "hoard-" + UUID.randomUUID().toString().substring(0, 6);
		int limit = SlipwayUnderTest.MAX_APPS_PER_USER;
		List<String> made = new ArrayList<>();
		Http.Response refused = null;
		for (int i = 0; i <= limit && refused == null; i++) {
			Http.Response created = tenant.api().post("/api/apps", Map.of("name", prefix + "-" + i));
			if (created.status() == 201) {
				made.add(prefix + "-" + i);
			}
			else {
				refused = created;
			}
		}
		assertThat(made).hasSize(limit);
		assertThat(refused).isNotNull();
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("code").asString()).isEqualTo("app_limit_reached");
		assertThat(refused.json().get("detail").asString()).contains(String.valueOf(limit), "SLIPWAY_MAX_APPS_PER_USER");

		assertThat(tenant.api().delete("/api/apps/" + made.remove(0)).status()).isEqualTo(204);
		assertThat(tenant.api().post("/api/apps", Map.of("name", prefix + "-again")).status()).isEqualTo(201);
		made.add(prefix + "-again");
		assertThat(slipway.adminApi().post("/api/apps", Map.of("name", prefix + "-admin")).status())
			.as("admins, the operators, are not counted")
			.isEqualTo(201);
		made.add(prefix + "-admin");
		made.forEach(app -> assertThat(slipway.adminApi().delete("/api/apps/" + app).status()).isEqualTo(204));
	}

	@Test
	void aUserHoldsAtMostTheTokenLimit() {
		OtherUser tenant = OtherUser.create(slipway, "token-hoarder");
		// OtherUser holds one token already.
		for (int i = 2; i <= 50; i++) {
			assertThat(tenant.api().post("/api/tokens", Map.of("name", "t" + i)).status()).isEqualTo(201);
		}
		Http.Response refused = tenant.api().post("/api/tokens", Map.of("name", "one too many"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("code").asString()).isEqualTo("token_limit_reached");
		assertThat(tenant.api().get("/api/tokens").json().size()).isEqualTo(50);
		assertThat(tenant.api().get("/api/apps").status()).as("the tokens held still work").isEqualTo(200);
	}

	@Test
	void anAppHasAtMostTheDomainLimit() {
		OtherUser tenant = OtherUser.create(slipway, "domain-hoarder");
		String app = "domains-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(tenant.api().post("/api/apps", Map.of("name", app)).status()).isEqualTo(201);
		int limit = SlipwayUnderTest.MAX_DOMAINS_PER_APP;
		for (int i = 0; i < limit; i++) {
			assertThat(tenant.api().post("/api/apps/" + app + "/domains", Map.of("hostname", app + "-" + i + ".example.com"))
				.status()).isEqualTo(201);
		}
		Http.Response refused = tenant.api().post("/api/apps/" + app + "/domains", Map.of("hostname", app + "-x.example.com"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("code").asString()).isEqualTo("domain_limit_reached");
		assertThat(tenant.api().get("/api/apps/" + app + "/domains").json().size()).isEqualTo(limit);
		assertThat(tenant.api().delete("/api/apps/" + app).status()).isEqualTo(204);
	}

	@Test
	void aRequestBodyPastTheLimitIsRefusedWithOrWithoutALength() {
		OtherUser tenant = OtherUser.create(slipway, "big-body");
		String huge = "{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";

		Http.Response withLength = tenant.api().post("/api/apps", huge);
		assertThat(withLength.status()).isEqualTo(413);
		assertThat(withLength.json().get("code").asString()).isEqualTo("request_too_large");
		assertThat(withLength.json().get("detail").asString()).contains("SLIPWAY_MAX_REQUEST_SIZE");

		byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
		// No length: the client sends it in chunks, and Slipway must count what it reads.
		Http.Response chunked = tenant.api()
			.send(tenant.api()
				.request("/api/apps")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.json().get("code").asString()).isEqualTo("request_too_large");

		String app = "small-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(tenant.api().post("/api/apps", Map.of("name", app)).status()).as("a normal request still works").isEqualTo(201);
		assertThat(tenant.api().delete("/api/apps/" + app).status()).isEqualTo(204);
	}

}
