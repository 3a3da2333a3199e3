package dev.slipway.builds.buildpack.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One app through three pushes: engines.node 16.x builds and runs exactly the newest 16 the npm registry
 * lists, with Heroku's build scripts in their order and dev dependencies pruned; a changed dependency and
 * a range of {@code >=18 <21} run Node.js 20 and start from the saved dependency cache; a range no release
 * meets fails the push, naming what there is.
 */
class NodeVersionsIT {

	static SlipwayUnderTest slipway;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
	}

	@Test
	void enginesNodeDecidesTheNodeJsThatBuildsAndRunsTheApp() {
		String newest16 = registry().packument(NodeBuildpack.NODE_PACKAGE)
			.newestSatisfying(Packument.range("16.x"))
			.orElseThrow()
			.version()
			.getVersion();
		String app = slipway.createApp("node-versions");
		GitProject project = GitProject.sample("node-versions");

		GitProject.Push first = project.push(slipway, app, slipway.adminToken());
		assertThat(first.succeeded()).as(first.toString()).isTrue();
		assertThat(first.output()).contains("Resolved Node.js " + newest16 + " (engines.node: 16.x)")
			.contains("Build scripts: heroku-prebuild, heroku-postbuild, heroku-cleanup");
		assertThat(RouterClient.get(app).body()).as("the hooks in Heroku's order, dev dependencies there for the build only")
			.contains("node v" + newest16 + " minute=1m")
			.contains("hooks=[prebuild: ms=false is-number=false; postbuild: ms=true is-number=true; "
					+ "cleanup: ms=true is-number=false] is-number=false");
		assertThat(nodeVersion(app)).contains("v" + newest16);
		String image = slipway.adminApi().get("/api/apps/" + app + "/builds").json().get(0).get("image").asString();
		String slug = DockerCli.run("run", "--rm", "--entrypoint", "/bin/sh", image, "-c",
				"echo home=$HOME env=$NODE_ENV; ls -A /app; ls -d /cache /app/.npm 2>&1; npm --version");
		assertThat(slug).as("the slug: node_modules and the build's output, no caches")
			.contains("home=/app env=production")
			.contains("node_modules\n")
			.contains("hooks.txt")
			.contains("ls: cannot access '/cache'")
			.contains("ls: cannot access '/app/.npm'");

		project.replace("package.json", "\"16.x\"", "\">=18 <21\"")
			.replace("package.json", "\"ms\": \"2.1.3\"", "\"ms\": \"2.1.2\"")
			.replace("package-lock.json", "\"16.x\"", "\">=18 <21\"")
			.replace("package-lock.json", "\"ms\": \"2.1.3\"", "\"ms\": \"2.1.2\"")
			.replace("package-lock.json", "\"version\": \"2.1.3\"", "\"version\": \"2.1.2\"")
			.replace("package-lock.json", "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==",
					"sha512-sGkPx+VjMtmA6MX27oA4FBFELFCZZ4S4XqeGOXCv68tT+jb3vk/RyaKWP0PTKyWtmLSM0b+adUTEvbs1PEaH2w==")
			.commit("Node.js 18 to 20, ms 2.1.2");
		GitProject.Push second = project.push(slipway, app, slipway.adminToken());
		assertThat(second.succeeded()).as(second.toString()).isTrue();
		assertThat(second.output()).contains("Resolved Node.js 20.")
			.contains("Restoring the dependency cache of an earlier build")
			.contains("Saving the dependency cache for the next build");
		assertThat(RouterClient.get(app).body()).contains("node v20.").contains("is-number=false\n");
		assertThat(nodeVersion(app)).contains("v20.");

		project.replace("package.json", "\">=18 <21\"", "\">=99\"").commit("No such Node.js");
		GitProject.Push impossible = project.push(slipway, app, slipway.adminToken());
		assertThat(impossible.succeeded()).as(impossible.toString()).isFalse();
		assertThat(impossible.output()).contains("No Node.js release satisfies engines.node \">=99\"")
			.containsPattern("Available \\(newest of each line\\): \\d+\\.\\d+\\.\\d+, .*" + newest16.replace(".", "\\."));
	}

	private static String nodeVersion(String app) {
		return slipway.adminApi()
			.post("/api/apps/" + app + "/dynos", Map.of("command", "node --version", "attach", true))
			.body();
	}

	/** The registry Slipway under test reads (its setting from the environment, or the default), trusting the same extra CA. */
	private static NpmRegistry registry() {
		Path extraCa = env("SLIPWAY_EXTRA_CA_FILE").map(Path::of).orElse(null);
		String url = env("SLIPWAY_NPM_REGISTRY").orElse("https://registry.npmjs.org");
		return new NpmRegistry(URI.create(url.endsWith("/") ? url : url + "/"), extraCa, Clock.systemUTC());
	}

	private static Optional<String> env(String name) {
		return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
	}

}
