package dev.slipway.builds;

import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;

/** Renders a buildpack's Dockerfile template with the variables its contributor worked out. */
final class DockerfileTemplates {

	private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).defaultValue("");

	private DockerfileTemplates() {
	}

	/** {@code cacheSeed}: the image whose {@code /cache} the build stage starts from, null for none. */
	static String render(Buildpack buildpack, String stackImage, String cacheSeed, BuildpackPlan plan) {
		Map<String, Object> variables = new HashMap<>(plan.variables());
		variables.put("stack", stackImage);
		if (cacheSeed != null) {
			variables.put("cacheSeed", cacheSeed);
		}
		return MUSTACHE.compile(buildpack.template()).execute(variables);
	}

}
