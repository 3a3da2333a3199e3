package dev.slipway.build.buildpack.node;

import dev.slipway.build.BuildConfig;
import dev.slipway.build.BuildFailed;
import dev.slipway.build.BuildpackPlan;
import dev.slipway.build.InMemorySourceTree;
import dev.slipway.build.RecordingBuildLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeBuildpackTest {

	private final NodeBuildpack buildpack = new NodeBuildpack();

	@Test
	void installsWithNpmCiFromALockfileAndRunsTheBuildScript() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("package.json",
				"{\"scripts\":{\"build\":\"tsc\",\"start\":\"node dist\"}}", "package-lock.json", "{}"), BuildConfig.NONE,
				new RecordingBuildLog());
		assertThat(plan.variables()).containsEntry("install", "npm ci")
			.containsEntry("manifests", "package.json package-lock.json")
			.containsEntry("build", "npm run build")
			.containsEntry("prune", "npm prune --omit=dev");
		assertThat(plan.defaultProcessTypes()).isEmpty();
	}

	@Test
	void choosesYarnOrPnpmByLockfile() {
		assertThat(plan("yarn.lock").variables()).containsEntry("install", "yarn install --frozen-lockfile")
			.containsEntry("globalTools", "corepack");
		assertThat(plan("pnpm-lock.yaml").variables()).containsEntry("install", "pnpm install --frozen-lockfile")
			.containsEntry("globalTools", "pnpm");
		RecordingBuildLog log = new RecordingBuildLog();
		assertThat(buildpack.plan(InMemorySourceTree.of("package.json", "{}", "server.js", ""), BuildConfig.NONE, log).variables())
			.containsEntry("install", "npm install");
		assertThat(log.text()).contains("No lockfile");
	}

	@Test
	void fallsBackToServerJsWithoutAStartScript() {
		assertThat(buildpack.plan(InMemorySourceTree.of("package.json", "{}", "server.js", ""), BuildConfig.NONE, new RecordingBuildLog())
			.defaultProcessTypes()).containsEntry("web", "node server.js");
	}

	@Test
	void honoursEnginesWhenTheStackHasThatMajorAndWarnsOtherwise() {
		assertThat(NodeBuildpack.accepts(">=18")).isTrue();
		assertThat(NodeBuildpack.accepts("20.x")).isTrue();
		assertThat(NodeBuildpack.accepts("^20.1.0")).isTrue();
		assertThat(NodeBuildpack.accepts("18 - 22")).isTrue();
		assertThat(NodeBuildpack.accepts("^22")).isFalse();
		assertThat(NodeBuildpack.accepts("<20")).isFalse();
		RecordingBuildLog log = new RecordingBuildLog();
		buildpack.plan(InMemorySourceTree.of("package.json", "{\"engines\":{\"node\":\"22.x\"}}", "server.js", ""), BuildConfig.NONE, log);
		assertThat(log.text()).contains("Warning: package.json asks for Node.js 22.x; the stack has Node.js 20");
	}

	@Test
	void refusesAPackageJsonThatIsNotJson() {
		assertThatThrownBy(() -> buildpack.plan(InMemorySourceTree.of("package.json", "{oops"), BuildConfig.NONE, new RecordingBuildLog()))
			.isInstanceOf(BuildFailed.class)
			.hasMessageStartingWith("package.json is not valid JSON");
	}

	private BuildpackPlan plan(String lockfile) {
		return buildpack.plan(InMemorySourceTree.of("package.json", "{\"scripts\":{\"start\":\"x\"}}", lockfile, ""), BuildConfig.NONE,
				new RecordingBuildLog());
	}

}
