package dev.slipway.build.buildpack.staticsite;

import java.util.Map;

import dev.slipway.build.BuildConfig;
import dev.slipway.build.BuildpackContributor;
import dev.slipway.build.BuildpackPlan;
import dev.slipway.build.SourceTree;
import dev.slipway.progress.Progress;

import org.springframework.stereotype.Component;

/** Static sites: serve public/ when the index is there, else the repository root. */
@Component
class StaticSiteBuildpack implements BuildpackContributor {

	@Override
	public String buildpackId() {
		return "static";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log) {
		String root = !source.exists("index.html") && source.exists("public/index.html") ? "/app/public" : "/app";
		log.detail("Serving " + root + " with BusyBox httpd");
		return new BuildpackPlan(Map.of(), Map.of("web", "busybox httpd -f -v -p $PORT -h " + root));
	}

}
