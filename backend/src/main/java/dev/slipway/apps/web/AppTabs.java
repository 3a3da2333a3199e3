package dev.slipway.apps.web;

import java.util.List;

import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The app page's tabs, for every page that shows them: those that some feature puts a section on. */
@ControllerAdvice
class AppTabs {

	private final List<AppTab> tabs;

	AppTabs(List<AppPageSection<?>> sections) {
		this.tabs = sections.stream().map(section -> section.slot().tab()).distinct().sorted().toList();
	}

	@ModelAttribute("appTabs")
	List<AppTab> tabs() {
		return tabs;
	}

}
