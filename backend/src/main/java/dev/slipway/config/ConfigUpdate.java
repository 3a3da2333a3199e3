package dev.slipway.config;

import java.util.List;
import java.util.Map;

import dev.slipway.releases.Release;

/**
 * What a config change did: the config after it, the keys set and unset, and the release it made
 * (null when nothing changed or the app has no release yet).
 */
public record ConfigUpdate(Map<String, String> config, List<String> set, List<String> unset, Release release) {

	public boolean changed() {
		return !set.isEmpty() || !unset.isEmpty();
	}

}
