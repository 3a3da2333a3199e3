package dev.slipway.router.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.router.DomainService;
import dev.slipway.router.HttpsPolicy;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The settings tab's domain forms. */
@Controller
@RequestMapping("/apps/{appName}/domains")
class DomainsPageController {

	private final AppService apps;

	private final DomainService domains;

	DomainsPageController(AppService apps, DomainService domains) {
		this.apps = apps;
		this.domains = domains;
	}

	@PostMapping
	String add(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @RequestParam String hostname,
			RedirectAttributes flash) {
		App app = apps.require(appName, user);
		try {
			flash.addFlashAttribute("notice", "Added " + domains.add(app, hostname).hostname() + ".");
		}
		catch (SlipwayException ex) {
			flash.addFlashAttribute("domainError", ex.getMessage());
			flash.addFlashAttribute("domainInput", hostname);
		}
		return "redirect:/apps/" + app.name() + "/settings";
	}

	@PostMapping("/https")
	String https(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestParam(defaultValue = "false") boolean redirect, @RequestParam(defaultValue = "false") boolean hsts,
			RedirectAttributes flash) {
		App app = apps.require(appName, user);
		domains.changeHttpsPolicy(app, new HttpsPolicy(redirect, hsts));
		flash.addFlashAttribute("notice", "HTTP " + (redirect ? "redirects to HTTPS" : "is served as is")
				+ (hsts ? ", with HSTS." : "."));
		return "redirect:/apps/" + app.name() + "/settings";
	}

	@PostMapping("/remove")
	String remove(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestParam String hostname, RedirectAttributes flash) {
		App app = apps.require(appName, user);
		domains.remove(app, hostname);
		flash.addFlashAttribute("notice", "Removed " + hostname + ".");
		return "redirect:/apps/" + app.name() + "/settings";
	}

}
