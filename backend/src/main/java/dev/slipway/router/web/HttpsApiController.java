package dev.slipway.router.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.router.DomainService;
import dev.slipway.router.HttpsPolicy;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/apps/<app>/https}: whether plain HTTP redirects to HTTPS once a certificate is live, and
 * whether HTTPS answers send HSTS ({@code {"redirect": true, "hsts": false}}; a PATCH may give either).
 */
@RestController
@RequestMapping("/api/apps/{appName}/https")
class HttpsApiController {

	record PolicyChange(Boolean redirect, Boolean hsts) {
	}

	private final AppService apps;

	private final DomainService domains;

	HttpsApiController(AppService apps, DomainService domains) {
		this.apps = apps;
		this.domains = domains;
	}

	@GetMapping
	HttpsPolicy show(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		return domains.httpsPolicy(apps.require(appName, user));
	}

	@PatchMapping
	HttpsPolicy change(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestBody PolicyChange change) {
		App app = apps.require(appName, user);
		HttpsPolicy current = domains.httpsPolicy(app);
		HttpsPolicy changed = new HttpsPolicy(change.redirect() == null ? current.redirect() : change.redirect(),
				change.hsts() == null ? current.hsts() : change.hsts());
		domains.changeHttpsPolicy(app, changed);
		return changed;
	}

}
