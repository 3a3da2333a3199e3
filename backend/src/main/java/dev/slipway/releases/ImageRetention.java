package dev.slipway.releases;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.apps.App;
import dev.slipway.docker.DockerClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * Keeps the images of an app's last releases, so any of them can be rolled back to, and removes the
 * images of older builds: after each release, and periodically for every app
 * ({@link ImageRetentionSchedule}).
 */
@Component
class ImageRetention {

	static final int KEPT_RELEASES = 5;

	private static final Logger log = LoggerFactory.getLogger(ImageRetention.class);

	private final Releases releases;

	private final ReleaseBuilds builds;

	private final DockerClients docker;

	ImageRetention(Releases releases, ReleaseBuilds builds, DockerClients docker) {
		this.releases = releases;
		this.builds = builds;
		this.docker = docker;
	}

	void prune(App app) {
		List<Release> kept = releases.findByAppIdAndStatusOrderByVersionDesc(app.id(), ReleaseStatus.SUCCEEDED,
				Limit.of(KEPT_RELEASES));
		Set<String> keptImages = new HashSet<>();
		kept.forEach(release -> keptImages.add(release.imageTag()));
		long newestKeptBuild = kept.stream()
			.map(Release::buildId)
			.filter(id -> id != null)
			.mapToLong(Long::longValue)
			.max()
			.orElse(Long.MAX_VALUE);
		for (BuiltImage build : builds.withImages(app)) {
			if (build.buildId() < newestKeptBuild && !keptImages.contains(build.imageTag())) {
				remove(build);
			}
		}
	}

	private void remove(BuiltImage build) {
		try {
			docker.api().removeImageCmd(build.imageTag()).exec();
			builds.imageRemoved(build.buildId());
		}
		catch (NotFoundException ex) {
			builds.imageRemoved(build.buildId());
		}
		catch (ConflictException ex) {
			log.debug("The image {} is in use and stays for now", build.imageTag());
		}
	}

}
