package dev.slipway.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway releases:info [vN]}: one release, the current one by default. */
@Command(name = "releases:info", mixinStandardHelpOptions = true, description = "Show a release (default: the current one).")
final class ReleasesInfoCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Parameters(index = "0", arity = "0..1", paramLabel = "RELEASE", description = "The release, like v7.")
	String release;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		Api api = settings.api();
		String version = release != null ? release : "v" + Releases.current(api, name);
		JsonNode info = api.get(Api.path("apps", name, "releases", version));
		if (json.printed(out(), info)) {
			return;
		}
		out().heading("Release v" + info.path("version").asInt());
		Map<String, String> values = new LinkedHashMap<>();
		values.put("By", info.path("author").asString(""));
		values.put("Change", info.path("description").asString(""));
		values.put("Status", info.path("status").asString("") + (info.path("current").asBoolean() ? " (current)" : ""));
		values.put("When", info.path("created_at").asString(""));
		values.put("Commit", info.path("commit").asString(""));
		values.put("Buildpack", info.path("buildpack").asString(""));
		values.put("Config vars", String.join(", ", info.path("config_keys").valueStream().map(JsonNode::asString).toList()));
		if (!info.path("failure").asString("").isEmpty()) {
			values.put("Failure", info.path("failure").asString());
		}
		out().keyValues(values);
	}

}
