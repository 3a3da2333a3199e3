package dev.slipway.cli;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway builds:output [ID]}: a build's output, the latest build's by default. */
@Command(name = "builds:output", mixinStandardHelpOptions = true, description = "Print a build's output (default: the latest build).")
final class BuildsOutputCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The build's ID, from slipway builds.")
	Long id;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		Api api = settings.api();
		long build = id != null ? id : latest(api, name);
		Output out = out();
		api.lines(Api.path("apps", name, "builds", String.valueOf(build), "output"), out::line);
	}

	private static long latest(Api api, String app) {
		JsonNode builds = api.get(Api.query(Api.path("apps", app, "builds"), Map.of("limit", 1)));
		if (builds.isEmpty()) {
			throw new CliException(app + " has no builds yet: deploy it with git push.");
		}
		return builds.get(0).path("id").asLong();
	}

}
