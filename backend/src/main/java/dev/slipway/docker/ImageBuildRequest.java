package dev.slipway.docker;

import java.util.Map;
import java.util.Set;

/**
 * One image build: the tags to give the result, labels to put on it, the memory limit of the
 * build's containers (0 for none) and the Dockerfile's path inside the context.
 */
public record ImageBuildRequest(Set<String> tags, Map<String, String> labels, long memoryBytes, String dockerfile) {

	public static ImageBuildRequest tagged(String tag, Map<String, String> labels) {
		return new ImageBuildRequest(Set.of(tag), labels, 0, "Dockerfile");
	}

}
