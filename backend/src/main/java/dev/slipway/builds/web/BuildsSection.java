package dev.slipway.builds.web;

import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppPageFragment;
import dev.slipway.apps.AppPagePart;
import dev.slipway.apps.AppPageSection;
import dev.slipway.apps.AppTab;
import dev.slipway.apps.Flashed;
import dev.slipway.builds.Build;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.OutputPage;

import org.springframework.stereotype.Component;

/**
 * The activity tab's builds: status, buildpack, commit and duration, each linking to its output,
 * and the newest build's output, live while it runs.
 */
@Component
class BuildsSection implements AppPageSection<BuildsSection.View> {

	private static final int SHOWN = 20;

	private final BuildService builds;

	BuildsSection(BuildService builds) {
		this.builds = builds;
	}

	@Override
	public Slot slot() {
		return new Slot(AppTab.ACTIVITY, 200, new AppPageFragment("build/sections", "builds"));
	}

	@Override
	public View model(App app, Flashed flashed) {
		List<Build> recent = builds.recent(app, SHOWN);
		return new View(recent, latest(recent));
	}

	@Override
	public Map<String, AppPagePart<?>> parts() {
		AppPageFragment section = slot().fragment();
		return Map.of("builds",
				new AppPagePart<>(section.sibling("builds-table"), app -> builds.recent(app, SHOWN), this::tableStamp),
				"latest-build", new AppPagePart<>(section.sibling("latest-build"),
						app -> latest(builds.recent(app, 1)), this::latestStamp));
	}

	/**
	 * Builds are entities, which compare by identity: what the table shows of them that changes is
	 * compared instead. A running build's duration shows once it ends, so the table changes only when
	 * a build does.
	 */
	private List<String> tableStamp(App app) {
		return builds.recent(app, SHOWN)
			.stream()
			.map(build -> build.id() + " " + build.status() + " " + build.buildpack())
			.toList();
	}

	/** The page swaps the output in when another build is the newest; the running one's lines it follows itself. */
	private Long latestStamp(App app) {
		return builds.recent(app, 1).stream().findFirst().map(Build::id).orElse(0L);
	}

	/** The newest build with its output so far, followed live on the page while it runs. */
	private LatestBuild latest(List<Build> recent) {
		return recent.stream()
			.findFirst()
			.map(build -> new LatestBuild(build, builds.outputTail(build, BuildsPageController.SHOWN_LINES)))
			.orElse(LatestBuild.NONE);
	}

	public record View(List<Build> builds, LatestBuild latest) {
	}

	/** The build is null before the first push, which the fragment tells. */
	public record LatestBuild(Build build, OutputPage output) {

		static final LatestBuild NONE = new LatestBuild(null, new OutputPage(List.of(), true));

	}

}
