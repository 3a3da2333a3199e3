package dev.slipway.cli;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway keys:remove KEY}: git push over SSH no longer signs in with that key. */
@Command(name = "keys:remove", mixinStandardHelpOptions = true,
		description = "Remove an SSH key, named as 'slipway keys' shows it (its name, usually user@host, or its fingerprint).")
final class KeysRemoveCommand extends ApiCommand {

	@Parameters(index = "0", paramLabel = "KEY", description = "The key's name or fingerprint (SHA256:...).")
	String key;

	@Override
	void run(Settings settings) {
		Api api = settings.api();
		List<JsonNode> matches = new ArrayList<>();
		api.get(Api.path("keys")).forEach(candidate -> {
			if (key.equals(candidate.path("name").asString()) || key.equals(candidate.path("fingerprint").asString())) {
				matches.add(candidate);
			}
		});
		if (matches.isEmpty()) {
			throw new CliException("You have no SSH key named " + key + ". See yours with: slipway keys");
		}
		if (matches.size() > 1) {
			throw new CliException(matches.size() + " of your SSH keys are named " + key
					+ ": remove one by its fingerprint (slipway keys shows them).");
		}
		JsonNode removed = matches.get(0);
		api.delete(Api.path("keys", removed.path("id").asString()));
		out().line("Removed the SSH key " + Output.oneLine(removed.path("name").asString()) + " ("
				+ removed.path("fingerprint").asString() + ")");
	}

}
