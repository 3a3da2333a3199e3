package dev.slipway.builds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildpackCatalogTest {

	private final BuildpackCatalog catalog = new BuildpackCatalog(settings(null));

	@Test
	void knowsTheBuiltInBuildpacksInDetectionOrder() {
		assertThat(catalog.all()).extracting(Buildpack::id)
			.containsExactly("dockerfile", "java-maven", "java-gradle", "node", "python", "ruby", "go", "php", "static",
					"procfile");
		assertThat(catalog.find("heroku/nodejs")).map(Buildpack::id).contains("node");
		assertThat(catalog.find("java-maven")).map(Buildpack::jvm).contains(true);
		assertThat(catalog.find("dockerfile")).map(Buildpack::usesOwnDockerfile).contains(true);
	}

	@Test
	void detectsByTheFirstMatchingRule() {
		assertThat(catalog.detect(InMemorySourceTree.of("Dockerfile", "", "package.json", "{}")))
			.map(Buildpack::id)
			.contains("dockerfile");
		assertThat(catalog.detect(InMemorySourceTree.of("package.json", "{}", "Procfile", "web: x")))
			.map(Buildpack::id)
			.contains("node");
		assertThat(catalog.detect(InMemorySourceTree.of("public/index.html", ""))).map(Buildpack::id)
			.contains("static");
		assertThat(catalog.detect(InMemorySourceTree.of("README.md", ""))).isEmpty();
		assertThat(catalog.detectedFiles()).contains("Dockerfile", "pom.xml", "go.mod", "public/index.html", "Procfile");
	}

	@Test
	void anOperatorsBuildpackReplacesABuiltInOne(@TempDir Path folder) throws Exception {
		Path node = Files.createDirectories(folder.resolve("node"));
		Files.writeString(node.resolve("buildpack.yml"), "name: My Node\norder: 5\ndetect:\n  any: [package.json]\n");
		Files.writeString(node.resolve("Dockerfile.mustache"), "FROM {{stack}}\n");
		BuildpackCatalog custom = new BuildpackCatalog(settings(folder.toString()));
		assertThat(custom.all().get(0).name()).isEqualTo("My Node");
		assertThat(custom.all().get(0).builtIn()).as("the built-in Node.js code does not fill in its template").isFalse();
		assertThat(custom.all()).hasSize(catalog.all().size());
		assertThat(catalog.all()).allMatch(Buildpack::builtIn);
	}

	@Test
	void jvmAndNodeBuildpacksNameTheirMemoryDefaults(@TempDir Path folder) throws Exception {
		assertThat(catalog.find("java-maven")).map(Buildpack::memoryDefaults).contains("jvm");
		assertThat(catalog.find("java-gradle")).map(Buildpack::memoryDefaults).contains("jvm");
		assertThat(catalog.find("node")).map(Buildpack::memoryDefaults).contains("node");
		assertThat(catalog.find("python")).map(Buildpack::memoryDefaults).isEmpty();

		Path odd = Files.createDirectories(folder.resolve("odd"));
		Files.writeString(odd.resolve("buildpack.yml"), "name: Odd\nmemory_defaults: python\n");
		Files.writeString(odd.resolve("Dockerfile.mustache"), "FROM {{stack}}\n");
		assertThatThrownBy(() -> new BuildpackCatalog(settings(folder.toString())))
			.hasMessageContaining("The buildpack odd has memory_defaults: python; it may be one of [jvm, node] or left out");
	}

	private static BuildSettings settings(String folder) {
		return new BuildSettings(Duration.ofMinutes(15), DataSize.ofGigabytes(2), folder, 2048);
	}

}
