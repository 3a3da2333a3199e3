package dev.slipway.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildContextTest {

	@Test
	void readsARecipeFromTheClasspathWithScriptsExecutable() throws IOException {
		BuildContext stack = BuildContext.fromClasspath("buildpacks/stack").with("extra-ca.pem", new byte[0]);
		Map<String, Integer> modes = new LinkedHashMap<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(stack.tar()))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				modes.put(entry.getName(), entry.getMode() & 0777);
			}
		}
		assertThat(modes).containsEntry("Dockerfile", 0644)
			.containsEntry("trust-extra-ca.sh", 0755)
			.containsEntry("extra-ca.pem", 0644);
	}

	@Test
	void itsDigestChangesWithAnyInput() {
		String plain = BuildContext.fromClasspath("buildpacks/stack").with("extra-ca.pem", new byte[0]).digest("base1");
		assertThat(BuildContext.fromClasspath("buildpacks/stack").with("extra-ca.pem", new byte[0]).digest("base1"))
			.isEqualTo(plain);
		assertThat(BuildContext.fromClasspath("buildpacks/stack")
			.with("extra-ca.pem", "-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.UTF_8))
			.digest("base1")).isNotEqualTo(plain);
		assertThat(BuildContext.fromClasspath("buildpacks/stack").with("extra-ca.pem", new byte[0]).digest("base2"))
			.isNotEqualTo(plain);
	}

}
