package dev.slipway.cli;

import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code --json} on every listing: the API's own JSON instead of a table. */
final class JsonOption {

	@Option(names = "--json", description = "Print JSON instead of a table.")
	boolean json;

	/** Prints {@code answer} as JSON when {@code --json} was given; says whether it did. */
	boolean printed(Output out, JsonNode answer) {
		if (json) {
			out.json(answer);
		}
		return json;
	}

}
