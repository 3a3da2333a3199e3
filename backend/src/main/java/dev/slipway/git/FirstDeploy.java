package dev.slipway.git;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.addons.AddonService;
import dev.slipway.apps.App;
import dev.slipway.builds.BuildFailed;
import dev.slipway.config.ConfigService;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.DeployFailed;
import dev.slipway.runtime.DynoRuntime;

import org.springframework.stereotype.Component;

/**
 * What app.json does on an app's first deploy: required config vars checked before building, its
 * config vars and add-ons in place before the first release, its postdeploy script after it.
 */
@Component
class FirstDeploy {

	static final Duration POSTDEPLOY_LIMIT = Duration.ofHours(1);

	private final ConfigService config;

	private final AddonService addons;

	private final DynoRuntime runtime;

	FirstDeploy(ConfigService config, AddonService addons, DynoRuntime runtime) {
		this.config = config;
		this.addons = addons;
		this.runtime = runtime;
	}

	/** A first push is refused, before building, when app.json requires config vars nobody set. */
	void checkRequiredConfig(App app, AppManifest manifest) {
		Map<String, String> current = config.of(app);
		List<String> missing = manifest.env()
			.entrySet()
			.stream()
			.filter(var -> var.getValue().required() && var.getValue().initialValue().isEmpty()
					&& !current.containsKey(var.getKey()))
			.map(var -> var.getKey() + (var.getValue().description() != null ? " (" + var.getValue().description() + ")" : ""))
			.toList();
		if (!missing.isEmpty()) {
			throw new BuildFailed("app.json requires config vars that are not set: " + String.join(", ", missing)
					+ ".\nSet them on the app's settings page or with PATCH /api/apps/" + app.name()
					+ "/config-vars, then push again.");
		}
	}

	/** Sets app.json's config vars the app lacks and provisions its add-ons, before the first release. */
	void apply(App app, AppManifest manifest, UserPrincipal user, Progress log) {
		Map<String, String> current = config.of(app);
		Map<String, String> initial = new LinkedHashMap<>();
		manifest.env().forEach((key, var) -> {
			if (!current.containsKey(key)) {
				var.initialValue().ifPresent(value -> initial.put(key, value));
			}
		});
		if (!initial.isEmpty()) {
			log.step("Setting config vars from app.json: " + String.join(", ", initial.keySet()));
			config.update(app, initial, user.email(), "Set config vars from app.json", log);
		}
		for (AppManifest.AddonRequest addon : manifest.addons()) {
			if (!AddonService.isPostgres(addon.plan())) {
				log.warning("app.json asks for the add-on " + addon.plan() + ", which Slipway does not offer; skipped.");
				continue;
			}
			String name = addon.as();
			boolean present = addons.of(app)
				.stream()
				.anyMatch(existing -> name == null ? existing.configVar().equals("DATABASE_URL")
						: existing.name().equalsIgnoreCase(name));
			if (!present) {
				addons.provision(app, addon.plan(), name, user.email(), log);
			}
		}
	}

	/** The first deploy's postdeploy script, in a one-off dyno; a failure is reported, not fatal. */
	void postdeploy(App app, String command, Progress log) {
		log.step("Running the postdeploy script from app.json: " + command);
		try {
			int status = runtime.runAttached(app, command, log::detail, POSTDEPLOY_LIMIT);
			if (status != 0) {
				log.warning("The postdeploy script exited with status " + status + "; the release runs all the same.");
			}
		}
		catch (DeployFailed ex) {
			log.warning("The postdeploy script failed: " + ex.getMessage());
		}
	}

}
