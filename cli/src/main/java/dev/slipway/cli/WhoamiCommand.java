package dev.slipway.cli;

import picocli.CommandLine.Command;

/** {@code slipway whoami}: the email of the account the CLI acts as. */
@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Show the email you are logged in as.")
final class WhoamiCommand extends ApiCommand {

	@Override
	void run(Settings settings) {
		out().line(settings.api().get(Api.path("account")).path("email").asString());
	}

}
