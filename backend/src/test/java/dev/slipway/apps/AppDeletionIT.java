package dev.slipway.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.slipway.database.DatabaseUrl;
import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deleting apps with and without add-ons, in any order, while another app keeps its database:
 * every delete succeeds and leaves nothing of the app behind, even dynos a scale started meanwhile.
 */
class AppDeletionIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void deletesWithAndWithoutAddonsInAnyOrderLeaveNothingBehind() throws SQLException {
		String bystander = deployed("del-keep");
		DatabaseUrl kept = slipway.provisionDatabase(bystander);
		String plain = deployed("del-plain");
		String withDatabase = deployed("del-db");
		DatabaseUrl dropped = slipway.provisionDatabase(withDatabase);
		String undeployed = slipway.createApp("del-bare");
		DatabaseUrl bare = slipway.provisionDatabase(undeployed);

		for (String app : List.of(plain, withDatabase, undeployed)) {
			Http.Response deleted = slipway.adminApi().delete("/api/apps/" + app);
			assertThat(deleted.status()).as(app + ": " + deleted).isEqualTo(204);
			assertGone(app);
		}
		for (DatabaseUrl url : List.of(dropped, bare)) {
			assertThatThrownBy(() -> DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password()).close())
				.isInstanceOf(SQLException.class);
		}
		try (Connection connection = DriverManager.getConnection(kept.jdbcUrl(), kept.username(), kept.password());
				Statement sql = connection.createStatement()) {
			List<String> names = new ArrayList<>();
			try (ResultSet rows = sql.executeQuery("select datname from pg_database union all select rolname from pg_roles")) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
			assertThat(names).contains(kept.database())
				.doesNotContain(dropped.database(), dropped.username(), bare.database(), bare.username());
		}
		assertThat(RouterClient.get(bystander + ".localhost", "/", null).body()).startsWith("docker v1");
	}

	@Test
	void dynosAScaleStartsDuringTheDeleteDoNotSurviveIt() {
		String app = deployed("del-scaling");
		CompletableFuture<Http.Response> scale = CompletableFuture.supplyAsync(() -> slipway.adminApi()
			.patch("/api/apps/" + app + "/formation", Map.of("updates", List.of(Map.of("type", "web", "quantity", 3)))));
		Http.Response deleted = slipway.adminApi().delete("/api/apps/" + app);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(scale.join().status()).as("the scale ran before the delete or was refused after it").isIn(200, 404);
		assertGone(app);
	}

	private static String deployed(String prefix) {
		String app = slipway.createApp(prefix);
		GitProject.Push push = GitProject.sample("dockerfile").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();
		return app;
	}

	/** The app, its containers (removed in the background, so awaited), its network and its repository are gone. */
	private static void assertGone(String app) {
		assertThat(slipway.adminApi().get("/api/apps/" + app).status()).isEqualTo(404);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!containers(app).isEmpty() && Instant.now().isBefore(deadline)) {
			pause();
		}
		assertThat(containers(app)).as("containers of " + app).isEmpty();
		while (!network(app).isEmpty() && Instant.now().isBefore(deadline)) {
			pause();
		}
		assertThat(network(app)).as("network of " + app).isEmpty();
		assertThat(Files.exists(Path.of("target", SlipwayUnderTest.INSTANCE + "-data", "git", app + ".git")))
			.as("repository of " + app)
			.isFalse();
	}

	private static String containers(String app) {
		return DockerCli.run("ps", "-aq", "--filter", "label=dev.slipway.instance=" + SlipwayUnderTest.INSTANCE, "--filter",
				"label=dev.slipway.app=" + app).strip();
	}

	private static String network(String app) {
		return DockerCli.run("network", "ls", "-q", "--filter", "name=^" + SlipwayUnderTest.INSTANCE + "-app-" + app + "$")
			.strip();
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
