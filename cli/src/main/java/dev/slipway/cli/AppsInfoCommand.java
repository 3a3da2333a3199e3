package dev.slipway.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway apps:info}: one app. */
@Command(name = "apps:info", aliases = "info", mixinStandardHelpOptions = true, description = "Show an app.")
final class AppsInfoCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Override
	void run(Settings settings) {
		JsonNode info = settings.api().get(Api.path("apps", app.resolve(settings)));
		if (json.printed(out(), info)) {
			return;
		}
		out().heading(info.path("name").asString());
		Map<String, String> values = new LinkedHashMap<>();
		values.put("Web URL", info.path("web_url").asString());
		values.put("Git URL", info.path("git_url").asString());
		values.put("Created", info.path("created_at").asString());
		values.put("Dynos may run as root", info.path("dynos_may_run_as_root").asBoolean() ? "yes" : "no");
		out().keyValues(values);
	}

}
