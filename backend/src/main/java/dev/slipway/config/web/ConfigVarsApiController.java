package dev.slipway.config.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.config.ConfigService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import tools.jackson.databind.JsonNode;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/apps/<app>/config-vars}, as Heroku's: GET the vars as a JSON object; PATCH an object
 * whose string values set and whose nulls unset. The answer comes once the release runs.
 */
@RestController
@RequestMapping("/api/apps/{appName}/config-vars")
class ConfigVarsApiController {

	private final AppService apps;

	private final ConfigService config;

	ConfigVarsApiController(AppService apps, ConfigService config) {
		this.apps = apps;
		this.config = config;
	}

	@GetMapping
	Map<String, String> show(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		return config.of(apps.require(appName, user));
	}

	@PatchMapping
	Map<String, String> update(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName,
			@RequestBody JsonNode body) {
		App app = apps.require(appName, user);
		if (!body.isObject()) {
			throw SlipwayException.invalid("invalid_config", "Send a JSON object such as {\"GREETING\": \"hello\", \"OLD\": null}.");
		}
		Map<String, String> requested = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			JsonNode value = entry.getValue();
			if (!value.isNull() && !value.isString()) {
				throw SlipwayException.invalid("invalid_config_value",
						"The value of " + entry.getKey() + " must be a string, or null to unset it.");
			}
			requested.put(entry.getKey(), value.isNull() ? null : value.asString());
		}
		return config.update(app, requested, user.email()).config();
	}

}
