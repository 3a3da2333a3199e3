package dev.slipway.builds.buildpack.ruby;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildpackContributor;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.SourceTree;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.ProcessType;

import org.springframework.stereotype.Component;

/** Ruby apps: Bundler in deployment mode with a lockfile, offline with vendor/cache, rackup for config.ru. */
@Component
class RubyBuildpack implements BuildpackContributor {

	@Override
	public String buildpackId() {
		return "ruby";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log) {
		boolean locked = source.exists("Gemfile.lock");
		boolean vendorCache = source.hasFolder("vendor/cache");
		if (!locked) {
			log.warning("No Gemfile.lock: run `bundle lock` and commit it for repeatable builds.");
		}
		if (vendorCache) {
			log.detail("Installing gems from vendor/cache");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("manifests", locked ? "Gemfile Gemfile.lock" : "Gemfile");
		variables.put("deployment", locked ? "true" : "false");
		variables.put("vendorCache", vendorCache);
		Map<String, String> processes = source.exists("config.ru")
				? Map.of(ProcessType.WEB, "bundle exec rackup --host 0.0.0.0 --port $PORT") : Map.of();
		return new BuildpackPlan(variables, processes, Map.of(), List.of("Gemfile", "Gemfile.lock"));
	}

}
