package dev.slipway.build;

import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;

/** Renders a buildpack's Dockerfile template with the variables its contributor worked out. */
final class DockerfileTemplates {

	private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).defaultValue("");

	private DockerfileTemplates() {
	}

	static String render(Buildpack buildpack, String stackImage, BuildpackPlan plan) {
		Map<String, Object> variables = new HashMap<>(plan.variables());
		variables.put("stack", stackImage);
		return MUSTACHE.compile(buildpack.template()).execute(variables);
	}

}
