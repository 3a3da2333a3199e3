package dev.slipway.cli;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway domains:add HOSTNAME}: the app answers at a hostname of the user's. */
@Command(name = "domains:add", mixinStandardHelpOptions = true,
		description = "Add a custom domain; point its DNS at Slipway and the app answers there.")
final class DomainsAddCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", paramLabel = "HOSTNAME", description = "The hostname, like www.example.com.")
	String hostname;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		settings.api().post(Api.path("apps", name, "domains"), Map.of("hostname", hostname));
		out().line("Added " + hostname + " to " + name);
	}

}
