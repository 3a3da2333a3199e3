package dev.slipway.builds;

import dev.slipway.apps.App;
import dev.slipway.progress.Progress;

/** What a push needs of the build step: turn the pushed commit into an image, or say why not. */
public interface AppBuilder {

	/**
	 * Builds {@code source} for {@code app}, writing its output to {@code pushLog} as it goes. The
	 * recording stays open for what the caller prints next (the release and its rollout), and ends when
	 * the caller closes it. A failed build is a result, not an exception.
	 */
	BuildRecording build(App app, SourceTree source, String author, BuildConfig config, Progress pushLog);

}
