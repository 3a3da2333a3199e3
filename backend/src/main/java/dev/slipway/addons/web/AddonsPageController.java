package dev.slipway.addons.web;

import dev.slipway.addons.AddonService;
import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resources tab's forms: provision, and deprovision after typing the add-on's name. */
@Controller
@RequestMapping("/apps/{appName}/addons")
class AddonsPageController {

	private final AppService apps;

	private final AddonService addons;

	AddonsPageController(AppService apps, AddonService addons) {
		this.apps = apps;
		this.addons = addons;
	}

	@PostMapping
	String provision(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestParam(defaultValue = "postgresql") String plan, @RequestParam(defaultValue = "") String name,
			RedirectAttributes flash) {
		App app = apps.require(appName, user);
		try {
			var addon = addons.provision(app, plan, name.isBlank() ? null : name, user.email());
			flash.addFlashAttribute("notice", "Provisioned PostgreSQL; the app finds it in " + addon.configVar() + ".");
		}
		catch (SlipwayException ex) {
			flash.addFlashAttribute("addonError", ex.getMessage());
		}
		return "redirect:/apps/" + app.name() + "/resources";
	}

	@PostMapping("/{name}/deprovision")
	String deprovision(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@PathVariable String name, @RequestParam(defaultValue = "") String confirmation, RedirectAttributes flash) {
		App app = apps.require(appName, user);
		if (!name.equals(confirmation.strip())) {
			flash.addFlashAttribute("addonError", "Type " + name + " to confirm: deprovisioning drops the database.");
			return "redirect:/apps/" + app.name() + "/resources";
		}
		try {
			addons.deprovision(app, name, user.email());
			flash.addFlashAttribute("notice", "Deprovisioned " + name + " and dropped its database.");
		}
		catch (SlipwayException ex) {
			flash.addFlashAttribute("addonError", ex.getMessage());
		}
		return "redirect:/apps/" + app.name() + "/resources";
	}

}
