package dev.slipway.builds.buildpack.go;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildFailed;
import dev.slipway.builds.BuildpackContributor;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.SourceTree;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.ProcessType;

import org.springframework.stereotype.Component;

/**
 * Go apps: the module's name for the binary, the main package, vendoring, and the Go that the go
 * directive asks for: Debian trixie's 1.24, or a newer one from trixie-backports.
 */
@Component
class GoBuildpack implements BuildpackContributor {

	static final int STACK_GO_MINOR = 24;

	/** Newer Go minors packaged in trixie-backports. */
	static final List<Integer> BACKPORTED_GO_MINORS = List.of(25, 26, 27);

	private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+\"?([^\\s\"]+)\"?");

	private static final Pattern GO_DIRECTIVE = Pattern.compile("(?m)^go\\s+1\\.(\\d+)");

	private static final Pattern PACKAGE_MAIN = Pattern.compile("(?m)^package\\s+main\\b");

	@Override
	public String buildpackId() {
		return "go";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log) {
		String goMod = source.read("go.mod").orElseThrow();
		Matcher module = MODULE.matcher(goMod);
		if (!module.find()) {
			throw new BuildFailed("go.mod has no module line; run `go mod init <name>`.");
		}
		int goMinor = goMinor(goMod, log);
		String mainPackage = mainPackage(source);
		String binary = mainPackage.equals(".") ? binaryName(module.group(1))
				: mainPackage.substring(mainPackage.lastIndexOf('/') + 1);
		boolean vendored = source.hasFolder("vendor");
		log.detail("Building " + mainPackage + " as " + binary + (vendored ? " with vendored modules" : ""));
		Map<String, Object> variables = new HashMap<>();
		variables.put("manifests", source.exists("go.sum") ? "go.mod go.sum" : "go.mod");
		variables.put("vendored", vendored);
		variables.put("binary", binary);
		variables.put("package", mainPackage);
		variables.put("goVersion", "1." + goMinor);
		variables.put("goPackage", "golang-1." + goMinor + "-go");
		if (goMinor > STACK_GO_MINOR) {
			variables.put("archive", "trixie-backports");
		}
		List<String> dependencyFiles = source.exists("go.sum") ? List.of("go.mod", "go.sum") : List.of("go.mod");
		return new BuildpackPlan(variables, Map.of(ProcessType.WEB, "/app/bin/" + binary), Map.of(), dependencyFiles);
	}

	/** The Go minor to build with: the stack's for go directives up to it, else the backported one asked for. */
	static int goMinor(String goMod, Progress log) {
		Matcher directive = GO_DIRECTIVE.matcher(goMod);
		if (!directive.find()) {
			log.detail("Using Go 1." + STACK_GO_MINOR + " (go.mod has no go directive)");
			return STACK_GO_MINOR;
		}
		int requested = Integer.parseInt(directive.group(1));
		if (requested <= STACK_GO_MINOR) {
			log.detail("Using Go 1." + STACK_GO_MINOR + " (go directive 1." + requested + ")");
			return STACK_GO_MINOR;
		}
		if (BACKPORTED_GO_MINORS.contains(requested)) {
			log.detail("Using Go 1." + requested + " from Debian's backports (go directive 1." + requested + ")");
			return requested;
		}
		throw new BuildFailed("go.mod asks for Go 1." + requested + ", which Debian does not package. Available: 1."
				+ STACK_GO_MINOR + BACKPORTED_GO_MINORS.stream().map(minor -> ", 1." + minor).reduce("", String::concat)
				+ ". Lower the go directive in go.mod.");
	}

	/** The root package when it is a main package, else the single main package under cmd/. */
	private static String mainPackage(SourceTree source) {
		if (hasMainPackage(source, "")) {
			return ".";
		}
		List<String> commands = source.files()
			.stream()
			.filter(path -> path.matches("cmd/[^/]+/[^/]+\\.go"))
			.map(path -> path.substring(0, path.lastIndexOf('/')))
			.distinct()
			.filter(folder -> hasMainPackage(source, folder + "/"))
			.sorted()
			.toList();
		if (commands.size() == 1) {
			return "./" + commands.get(0);
		}
		if (commands.isEmpty()) {
			throw new BuildFailed("No main package: put `package main` in the repository's root or in one folder "
					+ "under cmd/.");
		}
		throw new BuildFailed("Several main packages (" + String.join(", ", commands) + "): keep one under cmd/, or "
				+ "add a Procfile and put the one to build at the root.");
	}

	private static boolean hasMainPackage(SourceTree source, String folder) {
		return source.files()
			.stream()
			.filter(path -> path.startsWith(folder) && path.endsWith(".go") && !path.endsWith("_test.go")
					&& path.indexOf('/', folder.length()) < 0)
			.anyMatch(path -> source.read(path).map(code -> PACKAGE_MAIN.matcher(code).find()).orElse(false));
	}

	static String binaryName(String modulePath) {
		String[] parts = modulePath.split("/");
		String last = parts[parts.length - 1];
		if (last.matches("v\\d+") && parts.length > 1) {
			last = parts[parts.length - 2];
		}
		return last.replaceAll("[^A-Za-z0-9._-]", "-");
	}

}
