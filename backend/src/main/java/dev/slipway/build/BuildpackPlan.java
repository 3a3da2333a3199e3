package dev.slipway.build;

import java.util.Map;

/** What a buildpack's contributor worked out from the pushed files: template variables and default processes. */
public record BuildpackPlan(Map<String, Object> variables, Map<String, String> defaultProcessTypes) {

	public static BuildpackPlan of(Map<String, Object> variables) {
		return new BuildpackPlan(variables, Map.of());
	}

}
