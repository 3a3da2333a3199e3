package dev.slipway.cli;

import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway addons}: an app's add-ons. */
@Command(name = "addons", mixinStandardHelpOptions = true, description = "List an app's add-ons.")
final class AddonsCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		JsonNode addons = settings.api().get(Api.path("apps", name, "addons"));
		if (json.printed(out(), addons)) {
			return;
		}
		out().table(List.of("Add-on", "Plan", "Config var", "Created"), addons,
				addon -> List.of(addon.path("name").asString(), addon.path("plan").asString(),
				addon.path("config_var").asString(), addon.path("created_at").asString()));
	}

}
