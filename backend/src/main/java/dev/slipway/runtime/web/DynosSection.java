package dev.slipway.runtime.web;

import java.util.List;
import java.util.Map;

import dev.slipway.runtime.Dyno;
import dev.slipway.runtime.Formation;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.DynoSize;

import org.springframework.stereotype.Component;

/** The overview's dynos (state, uptime, restarts) and the formation controls. */
@Component
class DynosSection implements AppPageSection<DynosSection.View> {

	private final DynoRuntime runtime;

	DynosSection(DynoRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.OVERVIEW, 200, new AppPageFragment("runtime/sections", "dynos"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(runtime.dynos(app), runtime.formation(app), List.of(DynoSize.values()));
	}

	@Override
	public Map<String, AppPagePart<?>> parts() {
		return Map.of("dynos", new AppPagePart<>(slot().fragment().sibling("dynos-table"), runtime::dynos));
	}

	public record View(List<Dyno> dynos, List<Formation> formation, List<DynoSize> sizes) {
	}

}
