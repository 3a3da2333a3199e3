package dev.slipway.builds.buildpack.go;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoBuildpackTest {

	private final GoBuildpack buildpack = new GoBuildpack();

	@Test
	void buildsTheRootMainPackageNamedAfterTheModule() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("go.mod", "module github.com/acme/shop/v2\n\ngo 1.22\n",
				"go.sum", "", "main.go", "package main\n", "internal/x.go", "package internal\n"), BuildConfig.NONE, new RecordingProgress());
		assertThat(plan.variables()).containsEntry("binary", "shop")
			.containsEntry("package", ".")
			.containsEntry("manifests", "go.mod go.sum")
			.containsEntry("vendored", false);
		assertThat(plan.defaultProcessTypes()).containsEntry("web", "/app/bin/shop");
	}

	@Test
	void buildsTheSingleCommandUnderCmdOfflineWhenVendored() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("go.mod", "module shop\n", "cmd/server/main.go",
				"// server\npackage main\n", "vendor/modules.txt", ""), BuildConfig.NONE, new RecordingProgress());
		assertThat(plan.variables()).containsEntry("package", "./cmd/server")
			.containsEntry("binary", "server")
			.containsEntry("vendored", true);
	}

	@Test
	void takesNewerGoFromBackportsAndRefusesWhatDebianDoesNotPackage() {
		RecordingProgress log = new RecordingProgress();
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("go.mod", "module x\ngo 1.26\n", "main.go",
				"package main"), BuildConfig.NONE, log);
		assertThat(plan.variables()).containsEntry("goPackage", "golang-1.26-go")
			.containsEntry("goVersion", "1.26")
			.containsEntry("archive", "trixie-backports");
		assertThat(log.text()).contains("Using Go 1.26 from Debian's backports (go directive 1.26)");
		assertThat(buildpack.plan(InMemorySourceTree.of("go.mod", "module x\ngo 1.21\n", "main.go", "package main"),
				BuildConfig.NONE, new RecordingProgress()).variables()).containsEntry("goVersion", "1.24")
			.doesNotContainKey("archive");
		assertThatThrownBy(() -> buildpack.plan(InMemorySourceTree.of("go.mod", "module x\ngo 1.31\n", "main.go",
				"package main"), BuildConfig.NONE, new RecordingProgress()))
			.isInstanceOf(BuildFailed.class)
			.hasMessageContaining("Go 1.31")
			.hasMessageContaining("Available: 1.24, 1.25, 1.26, 1.27");
		assertThatThrownBy(() -> buildpack.plan(InMemorySourceTree.of("go.mod", "module x\n", "lib.go", "package lib"), BuildConfig.NONE,
				new RecordingProgress()))
			.hasMessageContaining("No main package");
	}

}
