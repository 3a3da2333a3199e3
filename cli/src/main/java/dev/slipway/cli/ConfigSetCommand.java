package dev.slipway.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway config:set K=V …}: sets config vars in one release; a value may hold any character, {@code =} too. */
@Command(name = "config:set", mixinStandardHelpOptions = true,
		description = { "Set config vars (KEY=value, several at once); the app restarts with them.",
				"Everything after the first = is the value: quote it for the shell, as in DATABASE_URL='a b#c'." })
final class ConfigSetCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "The config vars to set.")
	List<String> assignments;

	@Override
	void run(Settings settings) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String assignment : assignments) {
			int equals = assignment.indexOf('=');
			if (equals <= 0) {
				throw new CliException("'" + assignment + "' is not KEY=value; write it as KEY=value (quote the value for the shell).");
			}
			values.put(assignment.substring(0, equals), assignment.substring(equals + 1));
		}
		String name = app.resolve(settings);
		out().line("Setting " + String.join(", ", values.keySet()) + " and restarting " + name + "...");
		JsonNode config = settings.api().patch(Api.path("apps", name, "config-vars"), values);
		Map<String, String> set = new LinkedHashMap<>();
		values.keySet().forEach(key -> set.put(key, config.path(key).asString()));
		out().keyValues(set);
	}

}
