package dev.slipway.builds;

import java.util.List;
import java.util.Optional;

import dev.slipway.apps.App;
import dev.slipway.releases.BuiltImage;
import dev.slipway.releases.ReleaseBuilds;

import org.springframework.data.domain.Limit;
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
	public boolean building(App app) {
		return builds.findByAppIdOrderByIdDesc(app.id(), Limit.of(1))
			.stream()
			.anyMatch(build -> build.status() == BuildStatus.BUILDING);
	}

}
