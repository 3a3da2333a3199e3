package dev.slipway.addons.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.slipway.addons.Addon;
import dev.slipway.addons.AddonService;
import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.database.DatabaseUrl;

import org.springframework.stereotype.Component;

/** The resources tab: the app's databases with their credentials (masked until revealed). */
@Component
class AddonsSection implements AppPageSection<AddonsSection.View> {

	private final AddonService addons;

	AddonsSection(AddonService addons) {
		this.addons = addons;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.RESOURCES, 100, new AppPageFragment("addons/sections", "addons"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		Map<Addon, DatabaseUrl> credentials = new LinkedHashMap<>();
		addons.of(app).forEach(addon -> credentials.put(addon, addons.url(addon)));
		return new View(credentials);
	}

	/** Each add-on with its credentials, in the order provisioned. */
	public record View(Map<Addon, DatabaseUrl> addons) {
	}

}
