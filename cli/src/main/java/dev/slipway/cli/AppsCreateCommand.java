package dev.slipway.cli;

import java.net.URI;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway apps:create NAME}: a new app, and a git remote for it when run in a repository. */
@Command(name = "apps:create", aliases = "create", mixinStandardHelpOptions = true,
		description = "Create an app; in a git repository, add a git remote for it too.")
final class AppsCreateCommand extends ApiCommand {

	@Parameters(index = "0", paramLabel = "NAME", description = "The app's name (lowercase letters, digits and dashes).")
	String name;

	@Option(names = "--remote", paramLabel = "REMOTE", defaultValue = AppOption.DEFAULT_REMOTE,
			description = "The git remote to add (default: ${DEFAULT-VALUE}).")
	String remote;

	@Option(names = "--no-remote", description = "Add no git remote.")
	boolean noRemote;

	@Override
	void run(Settings settings) {
		Api api = settings.api();
		JsonNode app = api.post(Api.path("apps"), Map.of("name", name));
		URI gitUrl = URI.create(app.path("git_url").asString());
		settings.rememberGitHost(api.base(), gitUrl);
		out().line("Created " + app.path("name").asString() + " | " + gitUrl);
		if (!noRemote && GitRemotes.here().set(remote, gitUrl)) {
			out().line("Git remote " + remote + " added");
		}
	}

}
