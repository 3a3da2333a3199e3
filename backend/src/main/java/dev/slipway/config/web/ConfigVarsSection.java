package dev.slipway.config.web;

import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.config.ConfigService;
import dev.slipway.config.DotEnv;

import org.springframework.stereotype.Component;

/** The settings tab's config vars: one row each, masked until revealed, and the .env bulk editor. */
@Component
class ConfigVarsSection implements AppPageSection {

	private final ConfigService config;

	private final ConfigRollouts rollouts;

	ConfigVarsSection(ConfigService config, ConfigRollouts rollouts) {
		this.config = config;
		this.rollouts = rollouts;
	}

	@Override
	public AppTab tab() {
		return AppTab.SETTINGS;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public String fragment() {
		return "config/sections :: config-vars";
	}

	@Override
	public void populate(App app, Map<String, Object> model) {
		Map<String, String> vars = config.of(app);
		model.put("configVars", vars);
		// Only a refused bulk edit flashes its text back: the editor then opens with it, as the user typed it.
		model.put("envTextRefused", model.containsKey("envText"));
		model.putIfAbsent("envText", DotEnv.format(vars));
		model.put("configRollout", rollouts.of(app.id()).orElse(null));
		model.put("configHistory", config.history(app, 5));
	}

}
