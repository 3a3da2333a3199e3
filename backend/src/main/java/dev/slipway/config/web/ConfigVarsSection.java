package dev.slipway.config.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.config.ConfigChange;
import dev.slipway.config.ConfigService;
import dev.slipway.config.DotEnv;

import org.springframework.stereotype.Component;

/** The settings tab's config vars: one row each, masked until revealed, and the .env bulk editor. */
@Component
class ConfigVarsSection implements AppPageSection<ConfigVarsSection.View> {

	private final ConfigService config;

	private final ConfigRollouts rollouts;

	ConfigVarsSection(ConfigService config, ConfigRollouts rollouts) {
		this.config = config;
		this.rollouts = rollouts;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.SETTINGS, 100, new AppPageFragment("config/sections", "config-vars"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		Map<String, String> vars = config.of(app);
		// Only a refused bulk edit flashes its text back: the editor then opens with it, as the user typed it.
		Optional<String> refused = flashed.text("envText");
		return new View(vars, refused.orElseGet(() -> DotEnv.format(vars)), refused.isPresent(),
				rollouts.of(app.id()).orElse(null), config.history(app, 5));
	}

	/** The rollout is null when no config change is followed. */
	public record View(Map<String, String> configVars, String envText, boolean envTextRefused,
			ConfigRollouts.Status configRollout, List<ConfigChange> configHistory) {
	}

}
