package dev.slipway.builds.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.builds.Build;
import dev.slipway.builds.BuildService;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code /api/apps/<app>/builds}: an app's builds, their output, and cancelling one. */
@RestController
@RequestMapping("/api/apps/{appName}/builds")
class BuildsApiController {

	record BuildResource(long id, String status, String buildpack, String commit, String createdBy, Instant createdAt,
			Instant startedAt, Instant finishedAt, long durationSeconds, String image, Map<String, String> processTypes,
			String failure) {

		static BuildResource of(Build build) {
			return new BuildResource(build.id(), build.status().name().toLowerCase(Locale.ROOT), build.buildpack(),
					build.commitSha(), build.createdBy(), build.createdAt(), build.startedAt(), build.finishedAt(),
					build.duration().toSeconds(), build.imageTag(), build.processTypes().processTypes(), build.failure());
		}

	}

	private final AppService apps;

	private final BuildService builds;

	BuildsApiController(AppService apps, BuildService builds) {
		this.apps = apps;
		this.builds = builds;
	}

	@GetMapping
	List<BuildResource> list(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestParam(defaultValue = "50") int limit) {
		App app = apps.require(appName, user);
		return builds.recent(app, Math.clamp(limit, 1, 500)).stream().map(BuildResource::of).toList();
	}

	@GetMapping("/{id}")
	BuildResource show(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @PathVariable long id) {
		return BuildResource.of(builds.require(apps.require(appName, user), id));
	}

	/** The output so far, streamed a page at a time; a build whose output expired answers 404 build_output_expired. */
	@GetMapping(path = "/{id}/output", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<StreamingResponseBody> output(@AuthenticationPrincipal UserPrincipal user,
			@PathVariable String appName, @PathVariable long id) {
		return BuildOutputText.of(builds, builds.require(apps.require(appName, user), id));
	}

	@PostMapping("/{id}/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	BuildResource cancel(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@PathVariable long id) {
		return BuildResource.of(builds.cancel(apps.require(appName, user), id));
	}

}
