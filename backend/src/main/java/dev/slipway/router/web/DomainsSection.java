package dev.slipway.router.web;

import java.util.List;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.router.Domain;
import dev.slipway.router.DomainService;
import dev.slipway.router.Router;

import org.springframework.stereotype.Component;

/** The settings tab's domains: the app's own hostname and the custom ones. */
@Component
class DomainsSection implements AppPageSection<DomainsSection.View> {

	private final DomainService domains;

	private final Router router;

	DomainsSection(DomainService domains, Router router) {
		this.domains = domains;
		this.router = router;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.SETTINGS, 200, new AppPageFragment("router/sections", "domains"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(domains.of(app), router.url(app.name()));
	}

	public record View(List<Domain> domains, String webUrl) {
	}

}
