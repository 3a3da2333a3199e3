package dev.slipway.cli;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway buildpacks:set node}: the next builds use this buildpack instead of detecting one. */
@Command(name = "buildpacks:set", mixinStandardHelpOptions = true,
		description = "Build the app with this buildpack from the next push on, instead of detecting one.")
final class BuildpacksSetCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", paramLabel = "BUILDPACK", description = "The buildpack, from slipway buildpacks.")
	String buildpack;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		settings.api().put(Api.path("apps", name, "buildpack"), Map.of("buildpack", buildpack));
		out().line("Buildpack set to " + buildpack + ". The next git push builds with it.");
	}

}
