package dev.slipway.cli;

import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway ps}: an app's dynos and their state. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List an app's dynos.")
final class PsCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		JsonNode dynos = settings.api().get(Api.path("apps", name, "dynos"));
		if (json.printed(out(), dynos)) {
			return;
		}
		if (dynos.isEmpty()) {
			out().line(name + " has no dynos: deploy with git push, or scale with slipway ps:scale web=1");
			return;
		}
		out().table(List.of("Dyno", "Size", "State", "Release", "Since", "Restarts"), dynos,
				dyno -> List.of(dyno.path("name").asString(), dyno.path("size").asString(),
				dyno.path("state").asString(), "v" + dyno.path("release").asInt(), dyno.path("since").asString(),
				String.valueOf(dyno.path("restarts").asInt())));
	}

}
