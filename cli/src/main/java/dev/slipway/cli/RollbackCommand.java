package dev.slipway.cli;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway rollback [vN]}: a new release with an earlier release's image and config. */
@Command(name = "rollback", aliases = "releases:rollback", mixinStandardHelpOptions = true,
		description = "Roll back to a release (default: the one before the current): a new release with its image and config.")
final class RollbackCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Parameters(index = "0", arity = "0..1", paramLabel = "RELEASE", description = "The release, like v7.")
	String release;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		Api api = settings.api();
		String version = release != null ? release : "v" + Releases.previous(api, name);
		out().line("Rolling back " + name + " to " + version + "...");
		JsonNode created = api.post(Api.path("apps", name, "releases", version, "rollback"), Map.of());
		out().line("done, v" + created.path("version").asInt());
	}

}
