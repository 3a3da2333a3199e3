package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway apps:destroy}: deletes an app once its name is confirmed. */
@Command(name = "apps:destroy", aliases = "destroy", mixinStandardHelpOptions = true,
		description = "Delete an app, its dynos, releases and add-ons. Needs --confirm APP.")
final class AppsDestroyCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Option(names = { "-c", "--confirm" }, paramLabel = "APP", description = "The app's name again, to confirm.")
	String confirm;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		if (!name.equals(confirm)) {
			throw new CliException("This deletes " + name + " and everything it has. To go ahead, run: slipway apps:destroy -a "
					+ name + " --confirm " + name);
		}
		settings.api().delete(Api.path("apps", name));
		out().line("Destroyed " + name);
	}

}
