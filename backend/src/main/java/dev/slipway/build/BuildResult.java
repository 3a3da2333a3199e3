package dev.slipway.build;

/** How a build ended: the record, and the buildpack it used (null when none could be chosen). */
public record BuildResult(Build build, Buildpack buildpack) {

	public boolean succeeded() {
		return build.status() == BuildStatus.SUCCEEDED;
	}

}
