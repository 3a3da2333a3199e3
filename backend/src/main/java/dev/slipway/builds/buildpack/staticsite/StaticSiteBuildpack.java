package dev.slipway.builds.buildpack.staticsite;

import java.util.Map;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildpackContributor;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.SourceTree;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.ProcessType;

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
		return new BuildpackPlan(Map.of(), Map.of(ProcessType.WEB, "busybox httpd -f -v -p $PORT -h " + root));
	}

}
