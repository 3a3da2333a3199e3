package dev.slipway.builds;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.slipway.apps.App;
import dev.slipway.progress.Progress;
import dev.slipway.test.InMemoryRepositories;

/**
 * An {@link AppBuilder} without Docker, for tests of what follows a build: it "builds" a Dockerfile
 * image with the commit's Procfile in an instant, or fails when told to, and records its builds in
 * memory as the real one records them.
 */
public final class FakeAppBuilder implements AppBuilder {

	private final Builds builds = InMemoryRepositories.of(Builds.class, event -> {
	});

	private final Set<Long> recording = ConcurrentHashMap.newKeySet();

	private String failure;

	/** Fails the builds from now on with this reason. */
	public void failWith(String reason) {
		failure = reason;
	}

	@Override
	public synchronized BuildRecording build(App app, SourceTree source, String author, BuildConfig config,
			Progress pushLog) {
		Build build = builds.save(new Build(app.id(), source.commit(), author));
		build.started();
		pushLog.step("Building " + app.name() + " from commit " + source.commit().substring(0, 7) + " (fake)");
		if (failure != null) {
			build.failed(failure, false);
			pushLog.error(failure);
		}
		else {
			build.usesBuildpack(Buildpack.DOCKERFILE);
			build.succeeded("sha256:fake-" + build.id(), "slipway-app/" + app.name() + ":build-" + build.id(),
					source.read("Procfile").map(Procfile::parse).orElse(Procfile.of(Map.of())));
			pushLog.step("Build succeeded");
		}
		builds.save(build);
		recording.add(build.id());
		return new BuildRecording(build, pushLog, () -> recording.remove(build.id()));
	}

	public List<Build> builds() {
		return builds.findAll();
	}

	/** Whether a recording is still open, which the caller should have closed. */
	public boolean recording() {
		return !recording.isEmpty();
	}

}
