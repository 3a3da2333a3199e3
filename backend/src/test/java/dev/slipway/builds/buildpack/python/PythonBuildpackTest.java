package dev.slipway.builds.buildpack.python;

import dev.slipway.builds.BuildConfig;
import dev.slipway.builds.BuildpackPlan;
import dev.slipway.builds.InMemorySourceTree;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PythonBuildpackTest {

	private final PythonBuildpack buildpack = new PythonBuildpack();

	@Test
	void installsRequirementsBeforeTheSourceAndRunsAppPy() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("requirements.txt", "", "app.py", ""), BuildConfig.NONE,
				new RecordingProgress());
		assertThat(plan.variables()).containsEntry("manifests", "requirements.txt")
			.containsEntry("install", "pip install -r requirements.txt");
		assertThat(plan.defaultProcessTypes()).containsEntry("web", "python app.py");
	}

	@Test
	void servesWithGunicornOrUvicornWhenRequired() {
		assertThat(web("gunicorn==22.0\nflask\n", "wsgi.py")).isEqualTo("gunicorn --bind 0.0.0.0:$PORT wsgi:app");
		assertThat(web("uvicorn[standard]\nfastapi\n", "main.py")).isEqualTo("uvicorn main:app --host 0.0.0.0 --port $PORT");
	}

	@Test
	void installsAPyprojectProjectAfterTheSource() {
		BuildpackPlan plan = buildpack.plan(InMemorySourceTree.of("pyproject.toml", "[project]", "main.py", ""), BuildConfig.NONE,
				new RecordingProgress());
		assertThat(plan.variables()).containsEntry("installProject", "pip install .").doesNotContainKey("install");
	}

	@Test
	void warnsWhenPythonVersionDiffersFromTheStacks() {
		RecordingProgress log = new RecordingProgress();
		buildpack.plan(InMemorySourceTree.of("requirements.txt", "", ".python-version", "3.11\n", "app.py", ""), BuildConfig.NONE, log);
		assertThat(log.text()).contains("Warning: .python-version asks for Python 3.11");
		RecordingProgress same = new RecordingProgress();
		buildpack.plan(InMemorySourceTree.of("requirements.txt", "", ".python-version", "3.13.5", "app.py", ""), BuildConfig.NONE, same);
		assertThat(same.text()).doesNotContain("Warning");
	}

	private String web(String requirements, String module) {
		return buildpack.plan(InMemorySourceTree.of("requirements.txt", requirements, module, ""), BuildConfig.NONE, new RecordingProgress())
			.defaultProcessTypes()
			.get("web");
	}

}
