package dev.slipway.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway ps:type web=standard-2x}, or {@code ps:type standard-2x} for every type: dyno sizes. */
@Command(name = "ps:type", aliases = "ps:resize", mixinStandardHelpOptions = true,
		description = { "Set dyno sizes: TYPE=SIZE for one process type, or SIZE for all.", "Without arguments, show them." })
final class PsTypeCommand extends ApiCommand {

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Parameters(arity = "0..*", paramLabel = "TYPE=SIZE|SIZE", description = "The sizes, like web=standard-2x.")
	List<String> sizes = List.of();

	@Override
	void run(Settings settings) {
		String name = app.resolve(settings);
		String path = Api.path("apps", name, "formation");
		JsonNode formation = settings.api().get(path);
		if (!sizes.isEmpty()) {
			List<Map<String, Object>> updates = new ArrayList<>();
			for (String size : sizes) {
				int equals = size.indexOf('=');
				if (equals < 0) {
					formation.forEach(type -> updates.add(update(type.path("type").asString(), size)));
				}
				else {
					updates.add(update(size.substring(0, equals), size.substring(equals + 1)));
				}
			}
			if (updates.isEmpty()) {
				throw new CliException(name + " has no process types yet: deploy it first, then set their sizes.");
			}
			formation = settings.api().patch(path, Map.of("updates", updates));
		}
		if (json.printed(out(), formation)) {
			return;
		}
		Formation.print(out(), formation);
	}

	private static Map<String, Object> update(String type, String size) {
		Map<String, Object> update = new LinkedHashMap<>();
		update.put("type", type);
		update.put("size", size);
		return update;
	}

}
