package dev.slipway.releases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.slipway.apps.App;

/**
 * What releases need to know of the builds behind them, answered by the build module so that
 * releases (and what depends on them) do not depend on it.
 */
public interface ReleaseBuilds {

	/** What the buildpack with this id asks of the runtime; empty when there is none by that id any more. */
	Optional<BuildpackNeeds> buildpack(String id);

	/** The app's builds that still have an image, newest first. */
	List<BuiltImage> withImages(App app);

	/** Records that a build's image was removed to free space. */
	void imageRemoved(long buildId);

	/** Of the given apps, those whose newest build is still building. */
	Set<Long> building(Collection<Long> appIds);

	/**
	 * @param jvm whether the app runs on a JVM (its environment and boot timeout differ)
	 * @param memoryDefaults the name of its memory defaults, or null
	 * @param generatedDockerfile whether Slipway wrote its Dockerfile (false for the app's own)
	 */
	record BuildpackNeeds(boolean jvm, String memoryDefaults, boolean generatedDockerfile) {
	}

}
