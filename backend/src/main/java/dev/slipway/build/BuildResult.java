package dev.slipway.build;

/** How a build ended. */
public record BuildResult(Build build) {

	public boolean succeeded() {
		return build.status() == BuildStatus.SUCCEEDED;
	}

}
