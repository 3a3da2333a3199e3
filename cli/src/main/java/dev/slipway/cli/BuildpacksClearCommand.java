package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway buildpacks:clear}: back to detecting the buildpack at each build. */
@Command(name = "buildpacks:clear", mixinStandardHelpOptions = true, description = "Detect the buildpack at each build again.")
final class BuildpacksClearCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		settings.api().delete(Api.path("apps", name, "buildpack"));
		out().line("Buildpack cleared. The next git push detects one.");
	}

}
