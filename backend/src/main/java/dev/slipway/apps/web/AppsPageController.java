package dev.slipway.apps.web;

import dev.slipway.apps.App;
import dev.slipway.apps.AppName;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's apps list, new-app form, app page and deletion. */
@Controller
@RequestMapping("/apps")
class AppsPageController {

	private final AppService apps;

	AppsPageController(AppService apps) {
		this.apps = apps;
	}

	@GetMapping
	String list(@AuthenticationPrincipal UserPrincipal user, Model model) {
		model.addAttribute("apps", apps.visibleTo(user));
		return "apps/list";
	}

	@GetMapping("/new")
	String newApp(Model model) {
		model.addAttribute("namePattern", AppName.PATTERN);
		model.addAttribute("nameRule", AppName.RULE);
		return "apps/new";
	}

	@PostMapping
	String create(@AuthenticationPrincipal UserPrincipal user, @RequestParam(defaultValue = "") String name,
			Model model, RedirectAttributes flash) {
		try {
			App app = apps.create(name.strip(), user);
			flash.addFlashAttribute("notice", "Created " + app.name() + ". Push code to deploy it.");
			return "redirect:/apps/" + app.name();
		}
		catch (SlipwayException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("name", name);
			return newApp(model);
		}
	}

	@GetMapping("/{name}")
	String show(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name, Model model) {
		App app = apps.require(name, user);
		model.addAttribute("app", app);
		model.addAttribute("gitUrl", GitRemote.url(app.name()));
		return "apps/show";
	}

	@GetMapping("/{name}/settings")
	String settings(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name, Model model) {
		model.addAttribute("app", apps.require(name, user));
		return "apps/settings";
	}

	@PostMapping("/{name}/delete")
	String delete(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name,
			@RequestParam(defaultValue = "") String confirmation, Model model, RedirectAttributes flash) {
		if (!name.equals(confirmation.strip())) {
			model.addAttribute("deleteError", "Type the app's name, " + name + ", to confirm its deletion.");
			return settings(user, name, model);
		}
		apps.delete(name, user);
		flash.addFlashAttribute("notice", "Deleted " + name + ".");
		return "redirect:/apps";
	}

}
