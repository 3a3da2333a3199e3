package dev.slipway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml deploys Slipway as the README says: its own image, host network, socket, volumes, Postgres. */
class ComposeFileTest {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@Test
	@SuppressWarnings("unchecked")
	void deploysSlipwayWithItsDatabase() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		assertThat(services).containsOnlyKeys("slipway", "postgres");

		Map<String, Object> slipway = services.get("slipway");
		assertThat(slipway.get("build")).isEqualTo(".");
		assertThat(REPOSITORY.resolve("Dockerfile")).exists();
		assertThat(Files.readString(REPOSITORY.resolve("Dockerfile"))).contains("backend/target/slipway-exec.jar");
		assertThat(slipway).containsEntry("network_mode", "host").containsEntry("restart", "unless-stopped");
		assertThat((List<String>) slipway.get("volumes")).contains("/var/run/docker.sock:/var/run/docker.sock",
				"slipway-data:/var/lib/slipway");
		Map<String, String> environment = (Map<String, String>) slipway.get("environment");
		assertThat(environment).containsEntry("SLIPWAY_DATA_DIR", "/var/lib/slipway")
			.containsEntry("SLIPWAY_ROUTER_PORT", "${SLIPWAY_ROUTER_PORT:-80}")
			.containsKey("SLIPWAY_BASE_DOMAIN");
		assertThat((Map<String, Object>) slipway.get("depends_on")).containsEntry("postgres",
				Map.of("condition", "service_healthy"));

		Map<String, Object> postgres = services.get("postgres");
		List<String> ports = (List<String>) postgres.get("ports");
		assertThat(ports).hasSize(1);
		Matcher published = Pattern.compile("127\\.0\\.0\\.1:(\\d+):5432").matcher(ports.get(0));
		assertThat(published.matches()).as("Postgres is published on loopback only: %s", ports).isTrue();
		Map<String, String> postgresEnvironment = (Map<String, String>) postgres.get("environment");
		assertThat(environment.get("SLIPWAY_DATABASE_URL"))
			.startsWith("postgres://" + postgresEnvironment.get("POSTGRES_USER") + ":")
			.endsWith("@127.0.0.1:" + published.group(1) + "/" + postgresEnvironment.get("POSTGRES_DB"));
		assertThat(postgres).containsKey("healthcheck");
		assertThat((List<String>) postgres.get("volumes")).anyMatch(volume -> volume.endsWith(":/var/lib/postgresql/data"));

		Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
		assertThat(volumes).containsKeys("slipway-data", "slipway-postgres");
	}

}
