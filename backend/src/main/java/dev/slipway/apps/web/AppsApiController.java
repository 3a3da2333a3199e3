package dev.slipway.apps.web;

import java.time.Instant;
import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppWebAddress;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/apps}: create, list, show, change and delete apps. */
@RestController
@RequestMapping("/api/apps")
class AppsApiController {

	record CreateApp(String name) {
	}

	/** The settings an app's owner may change: {@code {"dynos_may_run_as_root": true}}. */
	record UpdateApp(Boolean dynosMayRunAsRoot) {
	}

	record AppResource(String name, Instant createdAt, String gitUrl, String webUrl, boolean dynosMayRunAsRoot) {

	}

	private final AppService apps;

	private final GitRemote remote;

	private final AppWebAddress web;

	AppsApiController(AppService apps, GitRemote remote, AppWebAddress web) {
		this.apps = apps;
		this.remote = remote;
		this.web = web;
	}

	private AppResource resource(App app) {
		return new AppResource(app.name(), app.createdAt(), remote.url(app.name()), web.url(app.name()),
				app.dynosMayRunAsRoot());
	}

	@PostMapping
	ResponseEntity<AppResource> create(@AuthenticationPrincipal UserPrincipal user, @RequestBody CreateApp request) {
		App app = apps.create(request.name(), user);
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{name}").build(app.name()))
			.body(resource(app));
	}

	@GetMapping
	List<AppResource> list(@AuthenticationPrincipal UserPrincipal user) {
		return apps.visibleTo(user).stream().map(this::resource).toList();
	}

	@GetMapping("/{name}")
	AppResource show(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name) {
		return resource(apps.require(name, user));
	}

	@PatchMapping("/{name}")
	AppResource update(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name,
			@RequestBody UpdateApp request) {
		App app = apps.require(name, user);
		if (request.dynosMayRunAsRoot() == null) {
			throw SlipwayException.invalid("invalid_app_update",
					"Send {\"dynos_may_run_as_root\": true} or false; nothing else about an app can be changed here.");
		}
		return resource(apps.allowRootDynos(app.name(), user, request.dynosMayRunAsRoot()));
	}

	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name) {
		apps.delete(name, user);
	}

}
