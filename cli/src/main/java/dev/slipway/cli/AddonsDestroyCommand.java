package dev.slipway.cli;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway addons:destroy NAME --confirm APP}: detaches an add-on and drops its data. */
@Command(name = "addons:destroy", aliases = "addons:remove", mixinStandardHelpOptions = true,
		description = "Detach an add-on and drop its database. Needs --confirm APP.")
final class AddonsDestroyCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", paramLabel = "NAME", description = "The add-on.")
	String name;

	@Option(names = { "-c", "--confirm" }, paramLabel = "APP", description = "The app's name, to confirm.")
	String confirm;

	@Override
	void run(Settings settings) {
		String appName = app.resolve(settings);
		if (!appName.equals(confirm)) {
			throw new CliException("This drops " + name + " and its data. To go ahead, run: slipway addons:destroy " + name
					+ " -a " + appName + " --confirm " + appName);
		}
		settings.api().delete(Api.query(Api.path("apps", appName, "addons", name), Map.of("confirm", confirm)));
		out().line("Destroyed " + name + " on " + appName);
	}

}
