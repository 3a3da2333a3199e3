package dev.slipway.runtime.web;

import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.runtime.Formation;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.FormationUpdate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/apps/<app>/formation}: how many dynos of each process type run, and how big, as on Heroku. */
@RestController
@RequestMapping("/api/apps/{appName}/formation")
class FormationApiController {

	record FormationResource(String type, int quantity, String size) {

		static FormationResource of(Formation formation) {
			return new FormationResource(formation.processType(), formation.quantity(), formation.size().label());
		}

	}

	record BatchUpdate(List<FormationUpdate> updates) {
	}

	private final AppService apps;

	private final DynoRuntime runtime;

	FormationApiController(AppService apps, DynoRuntime runtime) {
		this.apps = apps;
		this.runtime = runtime;
	}

	@GetMapping
	List<FormationResource> list(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		return runtime.formation(apps.require(appName, user)).stream().map(FormationResource::of).toList();
	}

	/** {@code {"updates": [{"type": "web", "quantity": 2, "size": "standard-2x"}]}} */
	@PatchMapping
	List<FormationResource> scale(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestBody BatchUpdate batch) {
		App app = apps.require(appName, user);
		if (batch.updates() == null || batch.updates().isEmpty()) {
			throw SlipwayException.invalid("invalid_formation",
					"Send {\"updates\": [{\"type\": \"web\", \"quantity\": 2}]} with at least one update.");
		}
		return runtime.scale(app, batch.updates(), user.email()).stream().map(FormationResource::of).toList();
	}

	@PatchMapping("/{type}")
	List<FormationResource> scaleOne(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@PathVariable String type, @RequestBody FormationUpdate update) {
		App app = apps.require(appName, user);
		return runtime.scale(app, List.of(new FormationUpdate(type, update.quantity(), update.size())), user.email())
			.stream()
			.map(FormationResource::of)
			.toList();
	}

}
