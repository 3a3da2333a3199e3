package dev.slipway.releases.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.releases.Release;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseStatus;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rollback buttons of the activity tab. */
@Controller
class ReleasesPageController {

	private final AppService apps;

	private final ReleaseService releases;

	ReleasesPageController(AppService apps, ReleaseService releases) {
		this.apps = apps;
		this.releases = releases;
	}

	@PostMapping("/apps/{appName}/releases/{version}/rollback")
	String rollback(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @PathVariable int version,
			RedirectAttributes flash) {
		App app = apps.require(appName, user);
		try {
			Release release = releases.rollback(app, version, user.email());
			if (release.status() == ReleaseStatus.SUCCEEDED) {
				flash.addFlashAttribute("notice", "Rolled back to v" + version + ": v" + release.version() + " is running.");
			}
			else {
				flash.addFlashAttribute("releaseError", "The rollback failed: " + release.failure());
			}
		}
		catch (SlipwayException ex) {
			flash.addFlashAttribute("releaseError", ex.getMessage());
		}
		return "redirect:/apps/" + app.name() + "/activity";
	}

}
