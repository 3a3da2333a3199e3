package dev.slipway.releases.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseStatus;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/apps/<app>/releases}: the releases, newest first, and rolling back to one. */
@RestController
@RequestMapping("/api/apps/{appName}/releases")
class ReleasesApiController {

	record ReleaseResource(int version, String status, String description, String author, Instant createdAt,
			String commit, String buildpack, String image, Long buildId, List<String> configKeys, String failure,
			boolean current) {

		static ReleaseResource of(Release release, Integer currentVersion) {
			return new ReleaseResource(release.version(), release.status().name().toLowerCase(Locale.ROOT),
					release.description(), release.author(), release.createdAt(), release.commitSha(), release.buildpack(),
					release.imageTag(), release.buildId(), release.config().keySet().stream().sorted().toList(),
					release.failure(), currentVersion != null && currentVersion == release.version());
		}

	}

	private final AppService apps;

	private final ReleaseService releases;

	ReleasesApiController(AppService apps, ReleaseService releases) {
		this.apps = apps;
		this.releases = releases;
	}

	@GetMapping
	List<ReleaseResource> list(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestParam(defaultValue = "50") int limit) {
		App app = apps.require(appName, user);
		Integer current = releases.current(app).map(Release::version).orElse(null);
		return releases.recent(app, Math.clamp(limit, 1, 500))
			.stream()
			.map(release -> ReleaseResource.of(release, current))
			.toList();
	}

	@GetMapping("/{version}")
	ReleaseResource show(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@PathVariable String version) {
		App app = apps.require(appName, user);
		Integer current = releases.current(app).map(Release::version).orElse(null);
		return ReleaseResource.of(releases.require(app, parse(version)), current);
	}

	/** Makes a new release with the image and config of {@code version}. */
	@PostMapping("/{version}/rollback")
	@ResponseStatus(HttpStatus.CREATED)
	ReleaseResource rollback(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@PathVariable String version) {
		App app = apps.require(appName, user);
		Release release = releases.rollback(app, parse(version), user.email());
		if (release.status() != ReleaseStatus.SUCCEEDED) {
			throw SlipwayException.conflict("rollback_failed", release.failure());
		}
		return ReleaseResource.of(release, release.version());
	}

	/** Accepts "7" and Heroku's "v7". */
	private static int parse(String version) {
		try {
			return Integer.parseInt(version.startsWith("v") ? version.substring(1) : version);
		}
		catch (NumberFormatException ex) {
			throw SlipwayException.invalid("invalid_version", "'" + version + "' is not a release version such as v7.");
		}
	}

}
