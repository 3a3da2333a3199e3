package dev.slipway.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway ps:scale web=2 worker=1:standard-2x}: how many dynos of each type, and their size. */
@Command(name = "ps:scale", aliases = "scale", mixinStandardHelpOptions = true,
		description = { "Scale process types: TYPE=QUANTITY[:SIZE], several at once.", "Without arguments, show the formation." })
final class PsScaleCommand extends ApiCommand {

	private static final Pattern CHANGE = Pattern.compile("([^=\\s]+)=(\\d{1,4})(?::(\\S+))?");

	@Mixin
	AppOption app;

	@Mixin
	JsonOption json;

	@Parameters(arity = "0..*", paramLabel = "TYPE=QUANTITY[:SIZE]", description = "The changes, like web=2 or worker=1:standard-2x.")
	List<String> changes = List.of();

	@Override
	void run(Settings settings) {
		List<Map<String, Object>> updates = new ArrayList<>();
		for (String change : changes) {
			Matcher matcher = CHANGE.matcher(change);
			if (!matcher.matches()) {
				throw new CliException("'" + change + "' is not TYPE=QUANTITY[:SIZE]; write it like web=2 or worker=1:standard-2x.");
			}
			Map<String, Object> update = new LinkedHashMap<>();
			update.put("type", matcher.group(1));
			update.put("quantity", Integer.parseInt(matcher.group(2)));
			update.put("size", matcher.group(3));
			updates.add(update);
		}
		String name = app.resolve(settings);
		String path = Api.path("apps", name, "formation");
		JsonNode formation = updates.isEmpty() ? settings.api().get(path)
				: settings.api().patch(path, Map.of("updates", updates));
		if (json.printed(out(), formation)) {
			return;
		}
		Formation.print(out(), formation);
	}

}
