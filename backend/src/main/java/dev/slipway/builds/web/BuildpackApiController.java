package dev.slipway.builds.web;

import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.builds.Buildpack;
import dev.slipway.builds.BuildpackCatalog;
import dev.slipway.builds.BuildpackSelection;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/apps/<app>/buildpack}: force a buildpack instead of detection, or go back to detection. */
@RestController
@RequestMapping("/api/apps/{appName}/buildpack")
class BuildpackApiController {

	record BuildpackSetting(String buildpack, List<Map<String, String>> available) {
	}

	record ForceBuildpack(String buildpack) {
	}

	private final AppService apps;

	private final BuildpackSelection selection;

	private final BuildpackCatalog catalog;

	BuildpackApiController(AppService apps, BuildpackSelection selection, BuildpackCatalog catalog) {
		this.apps = apps;
		this.selection = selection;
		this.catalog = catalog;
	}

	@GetMapping
	BuildpackSetting show(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		return setting(apps.require(appName, user));
	}

	@PutMapping
	BuildpackSetting force(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestBody ForceBuildpack request) {
		App app = apps.require(appName, user);
		selection.force(app, request.buildpack() == null ? "" : request.buildpack());
		return setting(app);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void detect(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		selection.detectAutomatically(apps.require(appName, user));
	}

	private BuildpackSetting setting(App app) {
		return new BuildpackSetting(selection.forced(app).map(Buildpack::id).orElse(null),
				catalog.all().stream().map(buildpack -> Map.of("id", buildpack.id(), "name", buildpack.name())).toList());
	}

}
