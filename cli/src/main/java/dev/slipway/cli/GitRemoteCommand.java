package dev.slipway.cli;

import java.net.URI;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway git:remote -a APP}: points a git remote of this repository at the app. */
@Command(name = "git:remote", mixinStandardHelpOptions = true,
		description = "Add a git remote for an app to this repository (or point the existing one at it).")
final class GitRemoteCommand extends ApiCommand {

	@Option(names = { "-a", "--app" }, required = true, paramLabel = "APP", description = "The app.")
	String app;

	@Option(names = { "-r", "--remote" }, paramLabel = "REMOTE", defaultValue = AppOption.DEFAULT_REMOTE,
			description = "The remote's name (default: ${DEFAULT-VALUE}).")
	String remote;

	@Override
	void run(Settings settings) {
		Api api = settings.api();
		URI gitUrl = URI.create(api.get(Api.path("apps", app)).path("git_url").asString());
		settings.rememberGitHost(api.base(), gitUrl);
		if (!GitRemotes.here().set(remote, gitUrl)) {
			throw new CliException("Not in a git repository: run this in your app's repository (git init first).");
		}
		out().line("set git remote " + remote + " to " + gitUrl);
	}

}
