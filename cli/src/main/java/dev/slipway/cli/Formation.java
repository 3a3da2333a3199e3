package dev.slipway.cli;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** An app's formation as {@code ps:scale} and {@code ps:type} print it. */
final class Formation {

	private Formation() {
	}

	static void print(Output out, JsonNode formation) {
		List<List<String>> rows = new ArrayList<>();
		formation.forEach(type -> rows.add(List.of(type.path("type").asString(),
				String.valueOf(type.path("quantity").asInt()), type.path("size").asString())));
		out.table(List.of("Type", "Quantity", "Size"), rows);
	}

}
