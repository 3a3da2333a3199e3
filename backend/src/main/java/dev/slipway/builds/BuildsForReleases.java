package dev.slipway.builds;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.slipway.apps.App;
import dev.slipway.releases.BuiltImage;
import dev.slipway.releases.ReleaseBuilds;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers releases' questions about builds and buildpacks. */
@Component
class BuildsForReleases implements ReleaseBuilds {

	private final Builds builds;

	private final BuildpackCatalog buildpacks;

	private final JdbcTemplate jdbc;

	BuildsForReleases(Builds builds, BuildpackCatalog buildpacks, JdbcTemplate jdbc) {
		this.builds = builds;
		this.buildpacks = buildpacks;
		this.jdbc = jdbc;
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

	/** One SQL query with the ids as one array: JPA's {@code in} list is translated again for every request. */
	@Override
	public Set<Long> building(Collection<Long> appIds) {
		return new HashSet<>(jdbc.queryForList("select app_id from (select distinct on (app_id) app_id, status from builds "
				+ "where app_id = any (?) order by app_id, id desc) newest where status = ?", Long.class,
				appIds.toArray(Long[]::new), BuildStatus.BUILDING.name()));
	}

}
