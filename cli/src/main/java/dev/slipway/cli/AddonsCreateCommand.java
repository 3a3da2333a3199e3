package dev.slipway.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway addons:create postgresql}: provisions an add-on and sets its config var. */
@Command(name = "addons:create", aliases = "addons:add", mixinStandardHelpOptions = true,
		description = "Provision an add-on (postgresql); its URL becomes a config var and the app restarts.")
final class AddonsCreateCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", paramLabel = "PLAN", description = "The add-on plan, like postgresql.")
	String plan;

	@Option(names = "--name", paramLabel = "NAME", description = "The add-on's name (default: chosen by Slipway).")
	String name;

	@Override
	void run(Settings settings) {
		String appName = app.resolve(settings);
		Map<String, String> request = new LinkedHashMap<>();
		request.put("plan", plan);
		request.put("name", name);
		out().line("Creating " + plan + " on " + appName + "...");
		JsonNode addon = settings.api().post(Api.path("apps", appName, "addons"), request);
		out().line("Created " + addon.path("name").asString() + " as " + addon.path("config_var").asString());
	}

}
