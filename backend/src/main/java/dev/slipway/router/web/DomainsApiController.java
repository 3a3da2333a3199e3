package dev.slipway.router.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.router.Domain;
import dev.slipway.router.DomainService;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/apps/<app>/domains}: custom hostnames the router sends to the app. */
@RestController
@RequestMapping("/api/apps/{appName}/domains")
class DomainsApiController {

	record DomainResource(String hostname, Instant createdAt) {

		static DomainResource of(Domain domain) {
			return new DomainResource(domain.hostname(), domain.createdAt());
		}

	}

	private final AppService apps;

	private final DomainService domains;

	DomainsApiController(AppService apps, DomainService domains) {
		this.apps = apps;
		this.domains = domains;
	}

	@GetMapping
	List<DomainResource> list(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		return domains.of(apps.require(appName, user)).stream().map(DomainResource::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	DomainResource add(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestBody Map<String, String> request) {
		App app = apps.require(appName, user);
		return DomainResource.of(domains.add(app, request.get("hostname")));
	}

	@DeleteMapping("/{hostname}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@PathVariable String hostname) {
		domains.remove(apps.require(appName, user), hostname);
	}

}
