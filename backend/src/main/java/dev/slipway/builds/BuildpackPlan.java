package dev.slipway.builds;

import java.util.List;
import java.util.Map;

/**
 * What a buildpack's contributor worked out from the pushed files and the app's config: template
 * variables, default processes, build arguments for the build stage (config vars that steer the
 * build, passed to Docker instead of being written into the Dockerfile), and the dependency
 * manifests whose content decides when the dependency cache is saved again.
 */
public record BuildpackPlan(Map<String, Object> variables, Map<String, String> defaultProcessTypes,
		Map<String, String> buildArgs, List<String> dependencyFiles) {

	public BuildpackPlan {
		buildArgs = Map.copyOf(buildArgs);
		dependencyFiles = List.copyOf(dependencyFiles);
	}

	public static BuildpackPlan of(Map<String, Object> variables) {
		return new BuildpackPlan(variables, Map.of(), Map.of(), List.of());
	}

	public BuildpackPlan(Map<String, Object> variables, Map<String, String> defaultProcessTypes) {
		this(variables, defaultProcessTypes, Map.of(), List.of());
	}

}
