package dev.slipway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code slipway}: Heroku's command line verbs against a Slipway. Each verb is a subcommand class of
 * its own in this package, registered below.
 */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
		description = "Deploy and run apps on a Slipway, with Heroku's verbs.", subcommands = {
				CommandLine.HelpCommand.class })
public final class SlipwayCli implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line with every verb, as {@link #main} runs it; tests run it the same way. */
	public static CommandLine commandLine() {
		return new CommandLine(new SlipwayCli());
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

}
