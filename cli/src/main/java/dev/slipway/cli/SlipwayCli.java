package dev.slipway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code slipway}: Heroku's command line verbs against a Slipway. Each verb is a subcommand class of
 * its own in this package, registered below.
 */
@Command(name = "slipway", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
		description = "Deploy and run apps on a Slipway, with Heroku's verbs.", subcommands = {
				CommandLine.HelpCommand.class, LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
				AppsCommand.class, AppsCreateCommand.class, AppsDestroyCommand.class, AppsInfoCommand.class,
				GitRemoteCommand.class, ConfigCommand.class, ConfigGetCommand.class, ConfigSetCommand.class,
				ConfigUnsetCommand.class, PsCommand.class, PsScaleCommand.class, PsRestartCommand.class,
				PsTypeCommand.class, LogsCommand.class, ReleasesCommand.class, ReleasesInfoCommand.class,
				RollbackCommand.class, AddonsCommand.class, AddonsCreateCommand.class, AddonsDestroyCommand.class,
				DomainsCommand.class, DomainsAddCommand.class, DomainsRemoveCommand.class, BuildsCommand.class,
				BuildsOutputCommand.class, BuildpacksCommand.class, BuildpacksSetCommand.class,
				BuildpacksClearCommand.class, OpenCommand.class, CompletionCommand.class,
				RunCommand.class, KeysCommand.class, KeysAddCommand.class, KeysRemoveCommand.class, KeysClearCommand.class })
public final class SlipwayCli implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line with every verb, as {@link #main} runs it; tests run it the same way. */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new SlipwayCli());
		commandLine.setExecutionExceptionHandler(SlipwayCli::failed);
		return commandLine;
	}

	/** A failure the user can act on is its message on stderr and exit code 1; anything else keeps its trace. */
	private static int failed(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult)
			throws Exception {
		if (ex instanceof CliException || ex instanceof ApiException) {
			commandLine.getErr().println(" ▸    " + ex.getMessage());
			commandLine.getErr().flush();
			return 1;
		}
		throw ex;
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

}
