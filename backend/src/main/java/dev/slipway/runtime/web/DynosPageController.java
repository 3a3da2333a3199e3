package dev.slipway.runtime.web;

import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.runtime.DeployFailed;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.FormationUpdate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The overview's formation form and restart button. */
@Controller
@RequestMapping("/apps/{appName}")
class DynosPageController {

	private final AppService apps;

	private final DynoRuntime runtime;

	DynosPageController(AppService apps, DynoRuntime runtime) {
		this.apps = apps;
		this.runtime = runtime;
	}

	@PostMapping("/formation")
	String scale(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @RequestParam String type,
			@RequestParam(required = false) Integer quantity, @RequestParam(required = false) String size,
			RedirectAttributes flash) {
		App app = apps.require(appName, user);
		try {
			runtime.scale(app, List.of(new FormationUpdate(type, quantity, size)), user.email());
			flash.addFlashAttribute("notice", "Scaled " + type + " to " + quantity + " × " + size + ".");
		}
		catch (SlipwayException | DeployFailed ex) {
			flash.addFlashAttribute("formationError", ex.getMessage());
		}
		return "redirect:/apps/" + app.name();
	}

	@PostMapping("/restart")
	String restart(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, RedirectAttributes flash) {
		App app = apps.require(appName, user);
		try {
			runtime.restart(app);
			flash.addFlashAttribute("notice", "Restarted every dyno of " + app.name() + ".");
		}
		catch (DeployFailed ex) {
			flash.addFlashAttribute("formationError", ex.getMessage());
		}
		return "redirect:/apps/" + app.name();
	}

}
