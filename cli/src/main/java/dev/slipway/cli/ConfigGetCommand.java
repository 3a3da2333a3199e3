package dev.slipway.cli;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway config:get KEY}: one value exactly as stored, for scripts. */
@Command(name = "config:get", mixinStandardHelpOptions = true,
		description = "Print one config var's value exactly as stored (empty when it is not set).")
final class ConfigGetCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", paramLabel = "KEY", description = "The config var.")
	String key;

	@Option(names = { "-s", "--shell" }, description = "Print as KEY='value'.")
	boolean shell;

	@Override
	void run(Settings settings) {
		JsonNode value = settings.api().get(Api.path("apps", app.resolve(settings), "config-vars")).path(key);
		String text = value.isString() ? value.asString() : "";
		out().line(shell ? key + "=" + ConfigCommand.shellQuoted(text) : text);
	}

}
