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

/**
 * docker-compose.yml deploys Slipway as the README says: its own image built on debian:trixie-slim
 * only, host network, the Docker socket, a data volume, and Slipway's own managed PostgreSQL; in a
 * form both Debian's docker-compose 1.29 and Compose v2 read. ComposeIT runs it for real.
 */
class ComposeFileTest {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@Test
	@SuppressWarnings("unchecked")
	void deploysSlipwayAloneWithItsSocketAndVolumes() throws IOException {
		String text = Files.readString(REPOSITORY.resolve("docker-compose.yml"));
		Map<String, Object> compose = new Yaml().load(text);
		// docker-compose 1.29 refuses a top-level name and ${VAR:+…}.
		assertThat(compose).containsOnlyKeys("services", "volumes");
		assertThat(text.lines().filter(line -> !line.strip().startsWith("#"))).noneMatch(line -> line.contains(":+"));

		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		assertThat(services).containsOnlyKeys("slipway");
		Map<String, Object> slipway = services.get("slipway");
		assertThat((Map<String, Object>) slipway.get("build")).containsEntry("context", ".")
			.containsEntry("args", Map.of("EXTRA_CA_PEM", "${EXTRA_CA_PEM:-}"));
		assertThat(slipway).containsEntry("network_mode", "host").containsEntry("restart", "unless-stopped");
		assertThat((List<String>) slipway.get("volumes")).containsExactlyInAnyOrder(
				"/var/run/docker.sock:/var/run/docker.sock", "slipway-data:/var/lib/slipway",
				"${SLIPWAY_EXTRA_CA_FILE:-/dev/null}:/etc/slipway/extra-ca.pem:ro");
		Map<String, String> environment = (Map<String, String>) slipway.get("environment");
		assertThat(environment).containsEntry("SLIPWAY_DATA_DIR", "/var/lib/slipway")
			.containsEntry("SLIPWAY_EXTRA_CA_FILE", "/etc/slipway/extra-ca.pem")
			.containsEntry("SLIPWAY_ROUTER_PORT", "${SLIPWAY_ROUTER_PORT:-80}")
			.containsEntry("SLIPWAY_NAME", "${SLIPWAY_NAME:-slipway}")
			.containsKeys("SLIPWAY_BASE_DOMAIN", "SLIPWAY_PORT", "SLIPWAY_DATABASE_PORT");
		assertThat((Map<String, Object>) compose.get("volumes")).containsOnlyKeys("slipway-data");
	}

	@Test
	void buildsOnTheOneBaseImageSlipwayCanMakeItself() throws IOException {
		String dockerfile = Files.readString(REPOSITORY.resolve("Dockerfile"));
		Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
		int stages = 0;
		while (from.find()) {
			assertThat(from.group(1)).isEqualTo("debian:trixie-slim");
			stages++;
		}
		assertThat(stages).isEqualTo(2);
		assertThat(dockerfile).contains("ARG EXTRA_CA_PEM", "./mvnw", "backend/target/slipway-exec.jar");
		// The dependencies are a layer of their own, before the sources.
		assertThat(dockerfile.indexOf("dependency:go-offline")).isPositive().isLessThan(dockerfile.indexOf("COPY backend/src/main"));
	}

}
