package dev.slipway.apps.web;

import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import dev.slipway.apps.App;
import dev.slipway.apps.AppName;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSummaries;
import dev.slipway.apps.AppSummary;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.StreamGuard;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's apps list, new-app form, app page and deletion. */
@Controller
@RequestMapping("/apps")
class AppsPageController {

	private final AppService apps;

	private final List<AppPageSection<?>> sections;

	private final Optional<AppSummaries> summaries;

	private final PartChanges changes;

	private final StreamGuard guard;

	AppsPageController(AppService apps, List<AppPageSection<?>> sections, Optional<AppSummaries> summaries,
			PartChanges changes, StreamGuard guard) {
		this.apps = apps;
		this.sections = sections;
		this.summaries = summaries;
		this.changes = changes;
		this.guard = guard;
	}

	@GetMapping
	String list(@AuthenticationPrincipal UserPrincipal user, Model model) {
		List<App> visible = apps.visibleTo(user);
		Map<Long, AppSummary> known = this.summaries.map(provider -> provider.of(visible)).orElseGet(Map::of);
		model.addAttribute("apps", visible.stream()
			.map(app -> AppRow.of(app, known.getOrDefault(app.id(), AppSummary.unknown())))
			.toList());
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
		Flashed flashed = new Flashed(model.asMap());
		List<AppPageSection<?>> onTab = sections.stream()
			.filter(section -> section.slot().tab() == tab)
			.sorted(Comparator.comparingInt(section -> section.slot().order()))
			.toList();
		List<SectionView> shown = onTab.stream()
			.map(section -> new SectionView(section.slot().fragment(), section.model(app, flashed)))
			.toList();
		// The versions of the parts shown, from which the page's change stream starts.
		String partVersions = onTab.stream()
			.flatMap(section -> section.parts().entrySet().stream())
			.map(part -> part.getKey() + "=" + part.getValue().version(app))
			.collect(Collectors.joining("&"));
		model.addAttribute("app", app);
		model.addAttribute("partVersions", partVersions);
		model.addAttribute("tab", tab.slug());
		model.addAttribute("sections", shown);
		return "apps/tab";
	}

	/** A section on the page: its fragment and what it shows. */
	record SectionView(AppPageFragment fragment, Object model) {
	}

	/** The names of the given parts as they change: the query names each part with the version shown. */
	@GetMapping(path = "/{name}/parts/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter changes(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name,
			@RequestParam Map<String, String> shown, HttpServletRequest http) {
		App app = apps.require(name, user);
		Map<String, AppPagePart<?>> followed = new LinkedHashMap<>();
		sections.forEach(section -> section.parts().forEach((part, found) -> {
			if (shown.containsKey(part)) {
				followed.put(part, found);
			}
		}));
		SseEmitter emitter = changes.follow(app, followed, shown);
		guard.guard(http, emitter);
		return emitter;
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
		return found.fragment().reference();
	}

	@PostMapping("/{name}/dyno-user")
	String dynoUser(@AuthenticationPrincipal UserPrincipal user, @PathVariable String name,
			@RequestParam(required = false) Boolean root, RedirectAttributes flash) {
		String found = apps.require(name, user).name();
		if (root == null) {
			throw SlipwayException.invalid("invalid_app_update", "Say whether root is allowed (root=true or false).");
		}
		App app = apps.allowRootDynos(found, user, root);
		flash.addFlashAttribute("notice", (root ? "Dynos of " + app.name() + " may run as root" : "Dynos of " + app.name()
				+ " never run as root") + " from the next deploy or restart.");
		return "redirect:/apps/" + app.name() + "/settings";
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
