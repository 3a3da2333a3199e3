package dev.slipway.build.buildpack.php;

import java.util.HashMap;
import java.util.Map;

import dev.slipway.build.BuildConfig;
import dev.slipway.build.BuildLog;
import dev.slipway.build.BuildpackContributor;
import dev.slipway.build.BuildpackPlan;
import dev.slipway.build.SourceTree;

import org.springframework.stereotype.Component;

/** PHP apps: Composer when there is a composer.json, and the document root for the built-in server. */
@Component
class PhpBuildpack implements BuildpackContributor {

	@Override
	public String buildpackId() {
		return "php";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, BuildLog log) {
		boolean composer = source.exists("composer.json");
		Map<String, Object> variables = new HashMap<>();
		variables.put("composer", composer);
		variables.put("manifests", source.exists("composer.lock") ? "composer.json composer.lock" : "composer.json");
		String root = source.hasFolder("public") ? "public" : ".";
		log.detail("Serving " + (root.equals(".") ? "the repository root" : "public/") + " with PHP's built-in server"
				+ (composer ? "; installing dependencies with Composer" : ""));
		return new BuildpackPlan(variables, Map.of("web", "php -S 0.0.0.0:$PORT -t " + root));
	}

}
