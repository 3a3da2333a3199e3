package dev.slipway.builds;

/** How a build ended. */
public record BuildResult(Build build) {

	public boolean succeeded() {
		return build.status() == BuildStatus.SUCCEEDED;
	}

}
