package dev.slipway.docker;

import java.util.Map;
import java.util.Set;

/**
 * One image build: the tags to give the result, labels to put on it, build arguments, and the
 * memory limit of the build's containers (0 for none).
 */
public record ImageBuildRequest(Set<String> tags, Map<String, String> labels, Map<String, String> buildArgs,
		long memoryBytes) {

	public static ImageBuildRequest tagged(String tag, Map<String, String> labels) {
		return new ImageBuildRequest(Set.of(tag), labels, Map.of(), 0);
	}

}
