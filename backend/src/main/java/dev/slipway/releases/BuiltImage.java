package dev.slipway.releases;

import java.util.Map;

/** A successful build as a release takes it: the image and the process types found in it. */
public record BuiltImage(long buildId, String commitSha, String buildpack, String imageId, String imageTag,
		Map<String, String> processCommands) {
}
