package dev.slipway.errors;

import java.net.http.HttpRequest;

import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring's own errors, which reach no API controller, answer problem documents with a code too. */
class ApiErrorsIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void anUnknownPathIsANotFoundProblem() {
		assertProblem(slipway.adminApi().get("/api/no-such-endpoint"), 404, "not_found");
	}

	@Test
	void aMethodThePathDoesNotTakeIsAMethodNotAllowedProblem() {
		assertProblem(slipway.adminApi().send(slipway.adminApi().request("/api/apps").PUT(HttpRequest.BodyPublishers.noBody())),
				405, "method_not_allowed");
	}

	@Test
	void bodiesThatAreNotJsonAreRefusedAsProblems() {
		Http api = slipway.adminApi();
		assertProblem(api.send(api.request("/api/apps").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{oops"))), 400, "invalid_json");
		assertProblem(api.send(api.request("/api/apps").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("shop"))), 415, "unsupported_media_type");
	}

	private static void assertProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo(code);
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}

}
