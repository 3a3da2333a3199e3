package dev.slipway.runtime.web;

import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.runtime.DynoService;
import dev.slipway.runtime.DynoSize;
import dev.slipway.runtime.FormationService;

import org.springframework.stereotype.Component;

/** The overview's dynos (state, uptime, restarts) and the formation controls. */
@Component
class DynosSection implements AppPageSection {

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
	public void populate(App app, Map<String, Object> model) {
		model.put("dynos", dynos.of(app));
		model.put("formation", formations.of(app));
		model.put("sizes", List.of(DynoSize.values()));
	}

	@Override
	public Map<String, AppPagePart> parts() {
		return Map.of("dynos", new AppPagePart("runtime/sections :: dynos-table",
				(app, model) -> model.put("dynos", dynos.of(app))));
	}

}
