package dev.slipway.runtime.web;

import java.util.List;
import java.util.Map;

import dev.slipway.runtime.Dyno;
import dev.slipway.runtime.Formation;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.runtime.DynoService;
import dev.slipway.runtime.DynoSize;
import dev.slipway.runtime.FormationService;

import org.springframework.stereotype.Component;

/** The overview's dynos (state, uptime, restarts) and the formation controls. */
@Component
class DynosSection implements AppPageSection<DynosSection.View> {

	private final DynoService dynos;

	private final FormationService formations;

	DynosSection(DynoService dynos, FormationService formations) {
		this.dynos = dynos;
		this.formations = formations;
	}

	@Override
	public AppTab tab() {
		return AppTab.OVERVIEW;
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public String fragment() {
		return "runtime/sections :: dynos";
	}

	@Override
	public View model(App app, Flashed flashed) {
		return new View(dynos.of(app), formations.of(app), List.of(DynoSize.values()));
	}

	@Override
	public Map<String, AppPagePart<?>> parts() {
		return Map.of("dynos", new AppPagePart<>("runtime/sections :: dynos-table", dynos::of));
	}

	public record View(List<Dyno> dynos, List<Formation> formation, List<DynoSize> sizes) {
	}

}
