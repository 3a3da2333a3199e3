package dev.slipway.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway config:unset KEY …}: removes config vars in one release. */
@Command(name = "config:unset", aliases = "config:remove", mixinStandardHelpOptions = true,
		description = "Unset config vars; the app restarts without them.")
final class ConfigUnsetCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(arity = "1..*", paramLabel = "KEY", description = "The config vars to unset.")
	List<String> keys;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		Map<String, String> unset = new LinkedHashMap<>();
		keys.forEach(key -> unset.put(key, null));
		out().line("Unsetting " + String.join(", ", keys) + " and restarting " + name + "...");
		settings.api().patch(Api.path("apps", name, "config-vars"), unset);
		out().line("done");
	}

}
