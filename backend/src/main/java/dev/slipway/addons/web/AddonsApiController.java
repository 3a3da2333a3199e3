package dev.slipway.addons.web;

import java.time.Instant;
import java.util.List;

import dev.slipway.addons.Addon;
import dev.slipway.addons.AddonService;
import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/apps/<app>/addons}: provision a Postgres add-on ({@code {"plan": "postgresql"}}),
 * list them, and deprovision one, which drops its database, so it needs {@code ?confirm=<app>}.
 */
@RestController
@RequestMapping("/api/apps/{appName}/addons")
class AddonsApiController {

	record AddonResource(String name, String plan, String configVar, String database, Instant createdAt) {

		static AddonResource of(Addon addon) {
			return new AddonResource(addon.name(), addon.plan(), addon.configVar(), addon.databaseName(),
					addon.createdAt());
		}

	}

	record Provision(String plan, String name) {
	}

	private final AppService apps;

	private final AddonService addons;

	AddonsApiController(AppService apps, AddonService addons) {
		this.apps = apps;
		this.addons = addons;
	}

	@GetMapping
	List<AddonResource> list(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		return addons.of(apps.require(appName, user)).stream().map(AddonResource::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AddonResource provision(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestBody Provision request) {
		App app = apps.require(appName, user);
		return AddonResource.of(addons.provision(app, request.plan(), request.name(), user.email()));
	}

	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deprovision(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@PathVariable String name, @RequestParam(required = false) String confirm) {
		App app = apps.require(appName, user);
		if (!app.name().equals(confirm)) {
			throw SlipwayException.invalid("confirmation_required", "Deprovisioning drops the database and its data. "
					+ "Confirm with ?confirm=" + app.name() + ".");
		}
		addons.deprovision(app, name, user.email());
	}

}
