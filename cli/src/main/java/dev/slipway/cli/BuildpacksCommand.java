package dev.slipway.cli;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway buildpacks}: the buildpack an app is forced to, and those it may be. */
@Command(name = "buildpacks", mixinStandardHelpOptions = true,
		description = "Show the buildpack an app is set to (or detection) and the buildpacks there are.")
final class BuildpacksCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		JsonNode setting = settings.api().get(Api.path("apps", name, "buildpack"));
		if (json.printed(out(), setting)) {
			return;
		}
		String forced = setting.path("buildpack").asString("");
		out().line(forced.isEmpty() ? name + " detects its buildpack at each build." : name + " builds with " + forced + ".");
		List<List<String>> rows = new ArrayList<>();
		setting.path("available").forEach(buildpack -> rows.add(List.of(buildpack.path("id").asString(),
				buildpack.path("name").asString())));
		out().table(List.of("Buildpack", "Name"), rows);
	}

}
