package dev.slipway.builds.buildpack.python;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildpackContributor;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.SourceTree;
import dev.slipway.progress.Progress;
import dev.slipway.runtime.ProcessType;

import org.springframework.stereotype.Component;

/** Python apps: how to install dependencies, the Python version check, and a web server to run. */
@Component
class PythonBuildpack implements BuildpackContributor {

	static final String STACK_PYTHON = "3.13";

	private static final List<String> ENTRY_MODULES = List.of("app", "main", "wsgi", "asgi");

	@Override
	public String buildpackId() {
		return "python";
	}

	@Override
	public BuildpackPlan plan(SourceTree source, BuildConfig config, Progress log) {
		checkVersion(source, log);
		Map<String, Object> variables = new HashMap<>();
		String requirements;
		List<String> dependencyFiles;
		if (source.exists("requirements.txt")) {
			variables.put("manifests", "requirements.txt");
			dependencyFiles = List.of("requirements.txt");
			variables.put("install", "pip install -r requirements.txt");
			requirements = source.read("requirements.txt").orElse("");
			log.detail("Installing requirements.txt with pip into a virtualenv");
		}
		else if (source.exists("Pipfile")) {
			boolean locked = source.exists("Pipfile.lock");
			variables.put("pipenv", true);
			variables.put("manifests", locked ? "Pipfile Pipfile.lock" : "Pipfile");
			dependencyFiles = List.of("Pipfile", "Pipfile.lock");
			variables.put("install", "pipenv requirements > /tmp/requirements.txt && pip install -r /tmp/requirements.txt");
			if (!locked) {
				log.warning("No Pipfile.lock: run `pipenv lock` and commit it; pipenv will lock during the build.");
				variables.put("install", "pipenv lock && " + variables.get("install"));
			}
			requirements = source.read("Pipfile").orElse("");
			log.detail("Installing the Pipfile's packages into a virtualenv");
		}
		else {
			variables.put("manifests", "pyproject.toml");
			dependencyFiles = List.of("pyproject.toml");
			variables.put("installProject", "pip install .");
			requirements = source.read("pyproject.toml").orElse("");
			log.detail("Installing the project (pyproject.toml) with pip into a virtualenv");
		}
		Map<String, String> processes = new HashMap<>();
		webProcess(source, requirements.toLowerCase(Locale.ROOT)).ifPresentOrElse(web -> processes.put(ProcessType.WEB, web),
				() -> log.warning("No app.py, main.py or wsgi.py to run: add a Procfile with a web process."));
		return new BuildpackPlan(variables, processes, Map.of(), dependencyFiles);
	}

	/** Heroku reads {@code .python-version}, or {@code runtime.txt} ({@code python-3.12.4}); Debian trixie has 3.13. */
	private static void checkVersion(SourceTree source, Progress log) {
		String file = source.exists(".python-version") ? ".python-version" : "runtime.txt";
		Optional<String> requested = source.read(file)
			.flatMap(text -> text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst())
			.map(version -> version.replaceFirst("^python-", ""));
		if (requested.isEmpty() || requested.get().equals(STACK_PYTHON) || requested.get().startsWith(STACK_PYTHON + ".")) {
			log.detail("Using Python " + STACK_PYTHON + requested.map(v -> " (" + file + ": " + v + ")").orElse(""));
		}
		else {
			log.warning(file + " asks for Python " + requested.get() + ", which Debian trixie does not package; the app "
					+ "builds and runs with Python " + STACK_PYTHON + " instead.");
		}
	}

	private static Optional<String> webProcess(SourceTree source, String requirements) {
		Optional<String> module = ENTRY_MODULES.stream().filter(name -> source.exists(name + ".py")).findFirst();
		if (module.isEmpty()) {
			return Optional.empty();
		}
		if (requirements.contains("gunicorn")) {
			return Optional.of("gunicorn --bind 0.0.0.0:$PORT " + module.get() + ":app");
		}
		if (requirements.contains("uvicorn")) {
			return Optional.of("uvicorn " + module.get() + ":app --host 0.0.0.0 --port $PORT");
		}
		return Optional.of("python " + module.get() + ".py");
	}

}
