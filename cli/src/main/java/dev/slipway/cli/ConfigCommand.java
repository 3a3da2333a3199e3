package dev.slipway.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway config}: an app's config vars. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Show an app's config vars.")
final class ConfigCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Option(names = { "-s", "--shell" }, description = "Print as KEY='value' lines a shell can source.")
	boolean shell;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		JsonNode config = settings.api().get(Api.path("apps", name, "config-vars"));
		if (json.printed(out(), config)) {
			return;
		}
		if (shell) {
			config.properties().forEach(entry -> out().line(entry.getKey() + "=" + shellQuoted(entry.getValue().asString())));
			return;
		}
		out().heading(name + " Config Vars");
		Map<String, String> values = new LinkedHashMap<>();
		config.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
		out().keyValues(values);
	}

	/** A value in single quotes, each quote in it closed, escaped and reopened: the shell reads it back exactly. */
	static String shellQuoted(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

}
