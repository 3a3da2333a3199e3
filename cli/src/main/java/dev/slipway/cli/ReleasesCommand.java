package dev.slipway.cli;

import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway releases}: an app's releases, newest first. */
@Command(name = "releases", mixinStandardHelpOptions = true, description = "List an app's releases, newest first.")
final class ReleasesCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Option(names = { "-n", "--num" }, paramLabel = "COUNT", defaultValue = "15", description = "How many (default: ${DEFAULT-VALUE}).")
	int count;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		JsonNode releases = Releases.recent(settings.api(), name, Math.clamp(count, 1, 500));
		if (json.printed(out(), releases)) {
			return;
		}
		out().heading(name + " Releases");
		out().table(List.of("Version", "Description", "By", "Created", "Status"), releases,
				release -> List.of("v" + release.path("version").asInt(),
				release.path("description").asString(""), release.path("author").asString(""),
				release.path("created_at").asString(""),
				release.path("current").asBoolean() ? "current" : release.path("status").asString("")));
	}

}
