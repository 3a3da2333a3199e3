package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway ps:restart}: restarts every dyno, web ones without downtime. */
@Command(name = "ps:restart", aliases = "restart", mixinStandardHelpOptions = true,
		description = "Restart all of an app's dynos (web dynos without downtime).")
final class PsRestartCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		out().line("Restarting dynos on " + name + "...");
		settings.api().delete(Api.path("apps", name, "dynos"));
		out().line("done");
	}

}
