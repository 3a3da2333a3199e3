package dev.slipway.cli;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway builds}: an app's builds, newest first. */
@Command(name = "builds", mixinStandardHelpOptions = true, description = "List an app's builds, newest first.")
final class BuildsCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Option(names = { "-n", "--num" }, paramLabel = "COUNT", defaultValue = "15", description = "How many (default: ${DEFAULT-VALUE}).")
	int count;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		JsonNode builds = settings.api()
			.get(Api.query(Api.path("apps", name, "builds"), Map.of("limit", Math.clamp(count, 1, 500))));
		if (json.printed(out(), builds)) {
			return;
		}
		out().table(List.of("ID", "Status", "Buildpack", "Commit", "By", "Created", "Took"), builds,
				build -> List.of(build.path("id").asString(), build.path("status").asString(),
				build.path("buildpack").asString(""), abbreviated(build.path("commit").asString("")),
				build.path("created_by").asString(""), build.path("created_at").asString(""),
				build.path("duration_seconds").asLong() + "s"));
	}

	private static String abbreviated(String commit) {
		return commit.length() > 7 ? commit.substring(0, 7) : commit;
	}

}
