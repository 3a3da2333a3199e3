package dev.slipway.cli;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code slipway keys:clear}: removes every SSH key of the user. */
@Command(name = "keys:clear", mixinStandardHelpOptions = true, description = "Remove all your SSH keys.")
final class KeysClearCommand extends ApiCommand {

	@Override
	void run(Settings settings) {
		Api api = settings.api();
		JsonNode keys = api.get(Api.path("keys"));
		keys.forEach(key -> api.delete(Api.path("keys", key.path("id").asString())));
		out().line("Removed " + keys.size() + (keys.size() == 1 ? " SSH key" : " SSH keys"));
	}

}
