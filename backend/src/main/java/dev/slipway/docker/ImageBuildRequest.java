package dev.slipway.docker;

import java.util.Map;
import java.util.Set;

/**
 * One image build: the tags to give the result, labels to put on it, the memory limit of the
 * build's containers (0 for none), the Dockerfile's path inside the context, the stage to stop at
 * (null for the last), the build arguments, the CPUs its containers may run on (a cpuset such as
 * {@code 0,1}, null for all), the network they join (null for Docker's default bridge) and the cgroup
 * they run in (null for the Engine's own), whose pids limit bounds them.
 */
public record ImageBuildRequest(Set<String> tags, Map<String, String> labels, long memoryBytes, String dockerfile,
		String target, Map<String, String> buildArgs, String cpuset, String network, String cgroupParent) {

	public ImageBuildRequest {
		buildArgs = Map.copyOf(buildArgs);
	}

	public static ImageBuildRequest tagged(String tag, Map<String, String> labels) {
		return new ImageBuildRequest(Set.of(tag), labels, 0, "Dockerfile", null, Map.of(), null, null, null);
	}

}
