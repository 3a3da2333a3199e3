package dev.slipway.certificates.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.certificates.CertificateService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The settings tab's certificate upload. */
@Controller
@RequestMapping("/apps/{appName}/certificate")
class CertificatesPageController {

	private final AppService apps;

	private final CertificateService certificates;

	CertificatesPageController(AppService apps, CertificateService certificates) {
		this.apps = apps;
		this.certificates = certificates;
	}

	@PostMapping
	String upload(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestParam(name = "certificate_chain", required = false) String chain,
			@RequestParam(name = "private_key", required = false) String key,
			RedirectAttributes flash) {
		App app = apps.require(appName, user);
		try {
			flash.addFlashAttribute("notice", "Serving the uploaded certificate for "
					+ String.join(", ", certificates.upload(app, chain, key)) + ".");
		}
		catch (SlipwayException ex) {
			flash.addFlashAttribute("certificateError", ex.getMessage());
		}
		return "redirect:/apps/" + app.name() + "/settings";
	}

	@PostMapping("/remove")
	String remove(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, RedirectAttributes flash) {
		App app = apps.require(appName, user);
		certificates.removeUpload(app);
		flash.addFlashAttribute("notice", "Removed the uploaded certificate; the CA's follow.");
		return "redirect:/apps/" + app.name() + "/settings";
	}

}
