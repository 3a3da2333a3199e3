package dev.slipway.cli;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway apps:create [NAME]}: a new app, and a git remote for it when run in a repository. */
@Command(name = "apps:create", aliases = "create", mixinStandardHelpOptions = true,
		description = "Create an app; in a git repository, add a git remote for it too.")
final class AppsCreateCommand extends ApiCommand {

	private static final List<String> ADJECTIVES = List.of("amber", "brisk", "calm", "dusty", "eager", "fancy", "gentle",
			"hidden", "icy", "jolly", "keen", "lucky", "misty", "noble", "olive", "proud", "quiet", "rapid", "sunny",
			"tidy", "urban", "vivid", "warm", "young", "zesty");

	private static final List<String> NOUNS = List.of("anchor", "bay", "cove", "dock", "ferry", "harbor", "island",
			"jetty", "keel", "lagoon", "mast", "oar", "pier", "quay", "reef", "sail", "tide", "wharf");

	@Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
			description = "The app's name: 3 to 30 lowercase letters, digits and dashes (default: one made up, like calm-harbor-4821).")
	String name;

	@Option(names = "--remote", paramLabel = "REMOTE", defaultValue = AppOption.DEFAULT_REMOTE,
			description = "The git remote to add (default: ${DEFAULT-VALUE}).")
	String remote;

	@Option(names = "--no-remote", description = "Add no git remote.")
	boolean noRemote;

	@Override
	void run(Settings settings) {
		Api api = settings.api();
		JsonNode app = api.post(Api.path("apps"), Map.of("name", name != null ? name : madeUpName()));
		URI gitUrl = URI.create(app.path("git_url").asString());
		settings.rememberGitHost(api.base(), gitUrl);
		out().line("Created " + app.path("name").asString() + " | " + app.path("web_url").asString() + " | " + gitUrl);
		if (!noRemote && GitRemotes.here().set(remote, gitUrl)) {
			out().line("Git remote " + remote + " added");
		}
	}

	/** A name as Heroku makes one up; should it be taken, the API refuses it and running the command again picks another. */
	private static String madeUpName() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size())) + "-"
				+ random.nextInt(1000, 10000);
	}

}
