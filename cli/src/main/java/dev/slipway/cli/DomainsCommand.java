package dev.slipway.cli;

import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slipway domains}: an app's custom domains. */
@Command(name = "domains", mixinStandardHelpOptions = true, description = "List an app's custom domains.")
final class DomainsCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		JsonNode domains = settings.api().get(Api.path("apps", name, "domains"));
		if (json.printed(out(), domains)) {
			return;
		}
		out().table(List.of("Domain", "Added"), domains,
				domain -> List.of(domain.path("hostname").asString(), domain.path("created_at").asString()));
	}

}
