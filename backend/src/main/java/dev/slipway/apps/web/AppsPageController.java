package dev.slipway.apps.web;

import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.slipway.apps.App;
import dev.slipway.apps.AppName;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSummaries;
import dev.slipway.apps.AppSummary;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
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

	private final List<AppPageSection<?>> sections;

	private final Optional<AppSummaries> summaries;

	AppsPageController(AppService apps, List<AppPageSection<?>> sections, Optional<AppSummaries> summaries) {
		this.apps = apps;
		this.sections = sections;
		this.summaries = summaries;
	}

	@GetMapping
	String list(@AuthenticationPrincipal UserPrincipal user, Model model) {
		Map<App, AppSummary> summaries = new LinkedHashMap<>();
		apps.visibleTo(user).forEach(app -> summaries.put(app, summary(app)));
		model.addAttribute("apps", summaries);
		return "apps/list";
	}

	private AppSummary summary(App app) {
		return this.summaries.map(provider -> provider.of(app)).orElseGet(AppSummary::unknown);
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
	String overview(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name, Model model) {
		return tab(user, name, AppTab.OVERVIEW, model);
	}

	@GetMapping("/{name}/{tab:activity|logs|resources|settings}")
	String tab(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name, @PathVariable String tab,
			Model model) {
		return tab(user, name, AppTab.valueOf(tab.toUpperCase(Locale.ROOT)), model);
	}

	private String tab(UserPrincipal user, String name, AppTab tab, Model model) {
		App app = apps.require(name, user);
		// The sections see what the request already carries, such as a refused form's flashed text.
		Flashed flashed = new Flashed(Map.copyOf(model.asMap()));
		List<SectionView> shown = sections.stream()
			.filter(section -> section.tab() == tab)
			.sorted(Comparator.comparingInt(AppPageSection::order))
			.map(section -> new SectionView(section.fragment(), section.model(app, flashed)))
			.toList();
		model.addAttribute("app", app);
		model.addAttribute("tab", tab.slug());
		model.addAttribute("sections", shown);
		return "apps/tab";
	}

	/** A section on the page: its fragment and what it shows. */
	record SectionView(String fragment, Object model) {
	}

	/** A piece of a section alone, which the page fetches again when it changed. */
	@GetMapping("/{name}/parts/{part}")
	String part(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name, @PathVariable String part,
			Model model) {
		App app = apps.require(name, user);
		AppPagePart<?> found = sections.stream()
			.map(section -> section.parts().get(part))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> SlipwayException.notFound("page_part_not_found", "There is no page part " + part + "."));
		model.addAttribute("app", app);
		model.addAttribute("part", found.model().apply(app));
		return found.fragment();
	}

	@PostMapping("/{name}/delete")
	String delete(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name,
			@RequestParam(defaultValue = "") String confirmation, RedirectAttributes flash) {
		if (!name.equals(confirmation.strip())) {
			flash.addFlashAttribute("deleteError", "Type the app's name, " + name + ", to confirm its deletion.");
			return "redirect:/apps/" + apps.require(name, user).name() + "/settings";
		}
		apps.delete(name, user);
		flash.addFlashAttribute("notice", "Deleted " + name + ".");
		return "redirect:/apps";
	}

}
