package dev.slipway.builds;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.slipway.apps.App;
import dev.slipway.releases.BuiltImage;
import dev.slipway.releases.ReleaseBuilds;

import org.springframework.stereotype.Component;

/** Answers releases' questions about builds and buildpacks. */
@Component
class BuildsForReleases implements ReleaseBuilds {

	private final Builds builds;

	private final BuildpackCatalog buildpacks;

	BuildsForReleases(Builds builds, BuildpackCatalog buildpacks) {
		this.builds = builds;
		this.buildpacks = buildpacks;
	}

	@Override
	public Optional<BuildpackNeeds> buildpack(String id) {
		return buildpacks.find(id)
			.map(buildpack -> new BuildpackNeeds(buildpack.jvm(), buildpack.memoryDefaults(),
					!buildpack.usesOwnDockerfile()));
	}

	@Override
	public List<BuiltImage> withImages(App app) {
		return builds.findByAppIdAndStatusAndImageIdNotNullOrderByIdDesc(app.id(), BuildStatus.SUCCEEDED)
			.stream()
			.map(Build::image)
			.toList();
	}

	@Override
	public void imageRemoved(long buildId) {
		builds.findById(buildId).ifPresent(build -> {
			build.imageRemoved();
			builds.save(build);
		});
	}

	@Override
	public Set<Long> building(Collection<Long> appIds) {
		return new HashSet<>(builds.findAppIdsWhoseNewestBuildHas(appIds, BuildStatus.BUILDING));
	}

}
