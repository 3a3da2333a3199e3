package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway domains:remove HOSTNAME}. */
@Command(name = "domains:remove", mixinStandardHelpOptions = true, description = "Remove a custom domain.")
final class DomainsRemoveCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", paramLabel = "HOSTNAME", description = "The hostname.")
	String hostname;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		settings.api().delete(Api.path("apps", name, "domains", hostname));
		out().line("Removed " + hostname + " from " + name);
	}

}
