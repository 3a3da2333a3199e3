package dev.slipway.cli;

import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway apps}: the apps the user can see. */
@Command(name = "apps", mixinStandardHelpOptions = true, description = "List your apps.")
final class AppsCommand extends ApiCommand {

	@Mixin
	JsonOption json;

	@Override
	void run(Settings settings) {
		JsonNode apps = settings.api().get(Api.path("apps"));
		if (json.printed(out(), apps)) {
			return;
		}
		if (apps.isEmpty()) {
			out().line("You have no apps yet: create one with slipway apps:create NAME");
			return;
		}
		out().table(List.of("Name", "Git URL", "Created"), apps,
				app -> List.of(app.path("name").asString(), app.path("git_url").asString(),
				app.path("created_at").asString()));
	}

}
