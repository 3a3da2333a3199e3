package dev.slipway.build.buildpack.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.build.BuildConfig;
import dev.slipway.build.BuildFailed;
import dev.slipway.build.BuildLog;
import dev.slipway.build.BuildpackContributor;
import dev.slipway.build.BuildpackPlan;
import dev.slipway.build.SourceTree;
import org.semver4j.Semver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Node.js apps: the package manager the lockfile names, the build script, and engines.node. */
@Component
class NodeBuildpack implements BuildpackContributor {

	/** Debian trixie's Node.js, the one on the stack. */
	static final Semver STACK_NODE = Semver.parse("20.19.2");

	static final int STACK_NODE_MAJOR = STACK_NODE.getMajor();

	/** The npm installed beside it: the last release line that supports Node.js 20. */
	static final String NPM_VERSION = "10.9.9";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String buildpackId() {
		return "node";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, BuildLog log) {
		JsonNode pkg = packageJson(source);
		checkEngine(pkg, log);
		Map<String, Object> variables = new HashMap<>();
		variables.put("npmVersion", NPM_VERSION);
		List<String> manifests = new ArrayList<>(List.of("package.json"));
		String runner;
		if (source.exists("package-lock.json") || source.exists("npm-shrinkwrap.json")) {
			String lockfile = source.exists("package-lock.json") ? "package-lock.json" : "npm-shrinkwrap.json";
			manifests.add(lockfile);
			variables.put("install", "npm ci");
			variables.put("prune", "npm prune --omit=dev");
			runner = "npm";
			log.detail("Installing with npm ci (" + lockfile + ")");
		}
		else if (source.exists("yarn.lock")) {
			manifests.add("yarn.lock");
			if (source.exists(".yarnrc.yml")) {
				manifests.add(".yarnrc.yml");
			}
			boolean berry = source.exists(".yarnrc.yml");
			variables.put("globalTools", "corepack");
			variables.put("corepack", true);
			variables.put("install", berry ? "yarn install --immutable" : "yarn install --frozen-lockfile");
			runner = "yarn";
			log.detail("Installing with yarn (yarn.lock)");
		}
		else if (source.exists("pnpm-lock.yaml")) {
			manifests.add("pnpm-lock.yaml");
			variables.put("globalTools", "pnpm");
			variables.put("install", "pnpm install --frozen-lockfile");
			runner = "pnpm";
			log.detail("Installing with pnpm (pnpm-lock.yaml)");
		}
		else {
			variables.put("install", "npm install");
			variables.put("prune", "npm prune --omit=dev");
			runner = "npm";
			log.warning("No lockfile: installing with npm install. Commit package-lock.json for repeatable builds.");
		}
		if (source.exists(".npmrc")) {
			manifests.add(".npmrc");
		}
		variables.put("manifests", String.join(" ", manifests));
		JsonNode scripts = pkg.path("scripts");
		if (scripts.hasNonNull("build")) {
			variables.put("build", runner + " run build");
		}
		Map<String, String> processes = new HashMap<>();
		if (!scripts.hasNonNull("start")) {
			if (source.exists("server.js")) {
				processes.put("web", "node server.js");
			}
			else {
				log.warning("package.json has no start script and there is no server.js: add a start script or a "
						+ "Procfile with a web process.");
			}
		}
		return new BuildpackPlan(variables, processes);
	}

	private static JsonNode packageJson(SourceTree source) {
		String text = source.read("package.json").orElseThrow();
		try {
			JsonNode pkg = JSON.readTree(text);
			if (!pkg.isObject()) {
				throw new BuildFailed("package.json must hold a JSON object.");
			}
			return pkg;
		}
		catch (JacksonException ex) {
			throw new BuildFailed("package.json is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static void checkEngine(JsonNode pkg, BuildLog log) {
		String range = pkg.path("engines").path("node").asString("").strip();
		if (range.isEmpty()) {
			log.detail("Using Node.js " + STACK_NODE_MAJOR + " (no engines.node in package.json)");
		}
		else if (accepts(range)) {
			log.detail("Using Node.js " + STACK_NODE_MAJOR + " (engines.node: " + range + ")");
		}
		else {
			log.warning("package.json asks for Node.js " + range + "; the stack has Node.js " + STACK_NODE_MAJOR
					+ ", so the app builds and runs with " + STACK_NODE_MAJOR + ".");
		}
	}

	/** Whether an npm semver range admits the stack's Node.js. */
	static boolean accepts(String range) {
		try {
			return STACK_NODE.satisfies(range);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
