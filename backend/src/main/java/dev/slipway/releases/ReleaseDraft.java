package dev.slipway.releases;

import java.util.Map;

import dev.slipway.runtime.HealthCheck;

/** What a new release will be, before it gets its version. */
record ReleaseDraft(Long buildId, String commitSha, String buildpack, String imageId, String imageTag,
		Map<String, String> processTypes, Map<String, String> config, HealthCheck healthCheck, String description,
		String author) {

	ReleaseDraft withConfig(Map<String, String> newConfig, String newDescription, String newAuthor) {
		return new ReleaseDraft(buildId, commitSha, buildpack, imageId, imageTag, processTypes, newConfig, healthCheck,
				newDescription, newAuthor);
	}

	static ReleaseDraft copyOf(Release release) {
		return new ReleaseDraft(release.buildId(), release.commitSha(), release.buildpack(), release.imageId(),
				release.imageTag(), release.processTypes(), release.config(), release.healthCheck(), release.description(),
				release.author());
	}

}
