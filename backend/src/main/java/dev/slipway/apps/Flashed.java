package dev.slipway.apps;

import java.util.Map;
import java.util.Optional;

/** What a redirect after a refused form brought back, such as the text the user typed. */
public record Flashed(Map<String, ?> attributes) {

	public static final Flashed NOTHING = new Flashed(Map.of());

	public Optional<String> text(String name) {
		return attributes.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
	}

}
