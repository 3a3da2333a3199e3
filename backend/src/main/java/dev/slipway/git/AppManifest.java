package dev.slipway.git;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.slipway.builds.BuildFailed;
import dev.slipway.errors.SlipwayException;
import dev.slipway.runtime.FormationLimits;
import dev.slipway.runtime.FormationUpdate;
import dev.slipway.runtime.HealthCheck;
import dev.slipway.runtime.ProcessType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app's {@code app.json}, as Heroku reads it: config vars to set (with values, generated secrets,
 * or required of the user), add-ons, the formation, a postdeploy script, and the web health check.
 */
record AppManifest(Map<String, EnvVar> env, List<AddonRequest> addons, Map<String, Integer> formation,
		String postdeploy, HealthCheck healthCheck) {

	static final AppManifest NONE = new AppManifest(Map.of(), List.of(), Map.of(), null, null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A config var app.json declares. */
	record EnvVar(String value, boolean required, String description, boolean generatedSecret) {

		/** The value to set when the app has none: the given one, a new secret, or none. */
		Optional<String> initialValue() {
			if (value != null) {
				return Optional.of(value);
			}
			if (generatedSecret) {
				byte[] secret = new byte[32];
				new SecureRandom().nextBytes(secret);
				return Optional.of(HexFormat.of().formatHex(secret));
			}
			return Optional.empty();
		}

	}

	/** An add-on app.json asks for, with the name it is attached as (null for the default). */
	record AddonRequest(String plan, String as) {
	}

	static AppManifest parse(String text) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new BuildFailed("app.json is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!root.isObject()) {
			throw new BuildFailed("app.json must hold a JSON object.");
		}
		return new AppManifest(env(root.path("env")), addons(root.path("addons")), formation(root.path("formation")),
				root.path("scripts").path("postdeploy").asString(null), healthCheck(root.path("healthchecks")));
	}

	private static Map<String, EnvVar> env(JsonNode env) {
		Map<String, EnvVar> vars = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : env.properties()) {
			JsonNode spec = entry.getValue();
			if (spec.isString() || spec.isNumber() || spec.isBoolean()) {
				vars.put(entry.getKey(), new EnvVar(spec.asString(), true, null, false));
			}
			else if (spec.isObject()) {
				JsonNode value = spec.get("value");
				vars.put(entry.getKey(),
						new EnvVar(value == null || value.isNull() ? null : value.asString(),
								spec.path("required").asBoolean(true), spec.path("description").asString(null),
								"secret".equals(spec.path("generator").asString(null))));
			}
			else {
				throw new BuildFailed("app.json env." + entry.getKey() + " must be a string or an object with a value.");
			}
		}
		return vars;
	}

	private static List<AddonRequest> addons(JsonNode addons) {
		List<AddonRequest> requests = new ArrayList<>();
		for (JsonNode addon : addons) {
			if (addon.isString()) {
				requests.add(new AddonRequest(addon.asString(), null));
			}
			else if (addon.isObject() && addon.hasNonNull("plan")) {
				requests.add(new AddonRequest(addon.get("plan").asString(), addon.path("as").asString(null)));
			}
			else {
				throw new BuildFailed("app.json addons entries are plan names or {\"plan\": …} objects.");
			}
		}
		return requests;
	}

	private static Map<String, Integer> formation(JsonNode formation) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : formation.properties()) {
			JsonNode quantity = entry.getValue().path("quantity");
			if (!quantity.canConvertToInt()) {
				throw new BuildFailed("app.json formation." + entry.getKey() + ".quantity must be a whole number of dynos.");
			}
			try {
				FormationLimits.check(new FormationUpdate(entry.getKey(), quantity.asInt(), null));
			}
			catch (SlipwayException ex) {
				throw new BuildFailed("app.json formation." + entry.getKey() + ": " + ex.getMessage());
			}
			quantities.put(entry.getKey(), quantity.asInt());
		}
		return quantities;
	}

	/** The first check of {@code healthchecks.web} with a path: an object, or a list of them. */
	private static HealthCheck healthCheck(JsonNode healthchecks) {
		JsonNode web = healthchecks.path(ProcessType.WEB);
		JsonNode check = web.isArray() ? web.path(0) : web;
		if (!check.hasNonNull("path")) {
			return null;
		}
		String path = check.get("path").asString();
		if (!path.startsWith("/")) {
			throw new BuildFailed("app.json healthchecks.web path must start with /, like /health.");
		}
		return new HealthCheck(path, check.hasNonNull("status") ? check.get("status").asInt() : null);
	}

}
