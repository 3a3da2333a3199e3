package dev.slipway.hostile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.slipway.test.Command;
import dev.slipway.test.Http;
import dev.slipway.test.OtherUser;
import dev.slipway.test.OutsideAddress;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guesser sends wrong passwords and tokens as fast as answers come, from addresses of this machine other
 * than 127.0.0.1 (127.0.0.2, and eth0's for git; Slipway listens on all of them and sees each as a client
 * address of its own, as it would a remote one). They get 429 with Retry-After long before 30 password hashes, while the right
 * password from another address or for another account, and valid tokens, still work.
 */
class BruteForceAttackIT {

	private static SlipwayUnderTest slipway;

	/** An address of this machine's own network, which git can be pointed at: a client of its own to Slipway. */
	private static String outside;

	/** A loopback address other than 127.0.0.1, which HTTP clients bind to: another client of its own. */
	private static final InetAddress GUESSER = loopback(2);

	private static final ExecutorService PARALLEL = Executors.newVirtualThreadPerTaskExecutor();

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
		outside = OutsideAddress.of(slipway.baseUrl());
	}

	@Test
	void passwordGuessesAreRefusedPerAccountAndPerAddressBeforeTheyCostAHash() {
		Http fromOutside = Http.browser(slipway.baseUrl()).from(GUESSER);
		OtherUser victim = OtherUser.create(slipway, "victim");
		for (int i = 0; i < 50; i++) {
			assertThat(Http.api(slipway.baseUrl(), victim.token()).from(GUESSER).get("/api/apps").status()).isEqualTo(200);
		}
		Http client = Http.api(slipway.baseUrl(), victim.token()).from(GUESSER);
		List<CompletableFuture<Integer>> atOnce = IntStream.range(0, 60)
			.mapToObj(i -> CompletableFuture.supplyAsync(() -> client.get("/api/apps").status(), PARALLEL))
			.toList();
		assertThat(atOnce.stream().map(CompletableFuture::join)).as("valid tokens sent at once").containsOnly(200);

		int hashed = 0;
		Http.Response refused = null;
		for (int i = 0; i < 30; i++) {
			Http.Response login = fromOutside.submitForm("/login", "/login",
					Map.of("email", victim.email(), "password", "guess-" + i));
			if (login.status() == 429) {
				refused = login;
			}
			else {
				assertThat(login.header("Location")).endsWith("/login?error");
				hashed++;
			}
		}
		assertThat(hashed).isLessThanOrEqualTo(10);
		assertThat(refused).isNotNull();
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(refused.body()).contains("Too many failed sign-in attempts for this account. Try again in");

		Http.Response rightPasswordTooSoon = Http.browser(slipway.baseUrl())
			.submitForm("/login", "/login", Map.of("email", victim.email(), "password", victim.password()));
		assertThat(rightPasswordTooSoon.status()).isEqualTo(429);

		OtherUser neighbour = OtherUser.create(slipway, "neighbour");
		Http.Response otherAccount = Http.browser(slipway.baseUrl())
			.from(GUESSER)
			.submitForm("/login", "/login", Map.of("email", neighbour.email(), "password", neighbour.password()));
		assertThat(otherAccount.status()).isEqualTo(302);
		assertThat(otherAccount.header("Location")).endsWith("/apps");

		int apiHashed = 0;
		Http.Response apiRefused = null;
		for (int i = 0; i < 30; i++) {
			Http.Response token = Http.basic(slipway.baseUrl(), "nobody-" + UUID.randomUUID() + "@slipway.test", "guess")
				.from(GUESSER)
				.post("/api/tokens", Map.of("name", "stolen"));
			if (token.status() == 429) {
				apiRefused = token;
			}
			else {
				assertThat(token.status()).isEqualTo(401);
				apiHashed++;
			}
		}
		assertThat(apiHashed).isLessThanOrEqualTo(20);
		assertThat(apiRefused).isNotNull();
		assertThat(apiRefused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(apiRefused.json().get("code").asString()).isEqualTo("too_many_attempts");
		assertThat(apiRefused.json().get("detail").asString()).startsWith("Too many failed sign-in attempts from this address");
		assertThat(Long.parseLong(apiRefused.header("Retry-After"))).isPositive();

		Http.Response fromAnotherAddress = Http.basic(slipway.baseUrl(), neighbour.email(), neighbour.password())
			.post("/api/tokens", Map.of("name", "still works"));
		assertThat(fromAnotherAddress.status()).isEqualTo(201);
	}

	@Test
	void gitTokenGuessesAreRefusedWithAMessageInGitsOutput() {
		String app = slipway.createApp("guarded");
		int checked = 0;
		Http.Response refused = null;
		for (int i = 0; i < 30; i++) {
			Http.Response answer = Http.basic(outside, "git", "slp_guess-" + i)
				.get("/git/" + app + ".git/info/refs?service=git-upload-pack");
			if (answer.status() == 429) {
				refused = answer;
			}
			else {
				assertThat(answer.status()).isEqualTo(401);
				checked++;
			}
		}
		assertThat(checked).isLessThanOrEqualTo(20);
		assertThat(refused).isNotNull();
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

		Command.Result guessed = lsRemote(outside.replace("http://", "http://git:slp_guess@") + "/git/" + app + ".git");
		assertThat(guessed.succeeded()).isFalse();
		assertThat(guessed.output()).contains("remote: Too many failed sign-in attempts from this address. Try again in");

		assertThat(lsRemote(slipway.gitUrl(app, slipway.adminToken())).succeeded()).isTrue();
	}

	private static InetAddress loopback(int last) {
		try {
			return InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) last });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Command.Result lsRemote(String url) {
		return Command.run(List.of("git", "-c", "credential.helper=", "ls-remote", url), null,
				environment -> environment.put("GIT_TERMINAL_PROMPT", "0"), Duration.ofMinutes(1), line -> {
				});
	}

}
