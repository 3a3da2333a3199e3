package dev.slipway.builds;

import dev.slipway.progress.Progress;

/**
 * The code behind a built-in buildpack: reads the pushed files and fills in its Dockerfile
 * template. Buildpacks added as data alone have none and get only the stack image.
 */
public interface BuildpackContributor {

	/** The id of the buildpack folder this contributes to. */
	String buildpackId();

	/**
	 * Works out the template variables, default processes, build arguments and dependency files from
	 * the pushed files and the app's config; informs or warns through {@code log}; throws
	 * {@link BuildFailed} when the app cannot be built as pushed.
	 */
	BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log);

}
