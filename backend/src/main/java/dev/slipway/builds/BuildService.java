package dev.slipway.builds;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.slipway.apps.App;
import dev.slipway.docker.BuildEnvironment;
import dev.slipway.docker.ImageBuildFailed;
import dev.slipway.docker.ImageBuildRequest;
import dev.slipway.docker.ImageBuilder.ImageBuild;
import dev.slipway.docker.ImageBuilder;
import dev.slipway.docker.PlatformImages;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.errors.SlipwayException;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.logs.AppLogs;
import dev.slipway.progress.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

/**
 * Builds a pushed commit into an image: chooses the buildpack, renders its Dockerfile, streams
 * the commit as the build context to Docker, and records status, output and process types.
 */
@Service
public class BuildService implements AppBuilder {

	/** What Docker's classic builder says when a layer it took from the cache is gone. */
	private static final String LOST_LAYER = "unable to find image";

	static final String GENERATED_DOCKERFILE = ".slipway/Dockerfile";

	/**
	 * Where an app's own Dockerfile goes with Slipway's labels: at the top, as a folder would stay in
	 * the image's files after Docker drops the file.
	 */
	static final String LABELLED_OWN_DOCKERFILE = ".slipway.Dockerfile";

	private static final String DOCKERIGNORE = ".dockerignore";

	private static final Logger log = LoggerFactory.getLogger(BuildService.class);

	private final Builds builds;

	private final BuildpackSelection selection;

	private final Map<String, BuildpackContributor> contributors;

	private final ImageBuilder images;

	private final PlatformImages platformImages;

	private final BuildOutputStore output;

	private final InstanceSettings instance;

	private final BuildSettings settings;

	private final AppLogs appLogs;

	private final DependencyCache dependencyCache;

	private final BuildImageCheck imageCheck;

	private final BuildSlots slots;

	private final BuildCapacity capacity;

	private final BuildEnvironment environment;

	private final TaskExecutor executor;

	private final Map<Long, ImageBuild> running = new ConcurrentHashMap<>();

	private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

	BuildService(Builds builds, BuildpackSelection selection, List<BuildpackContributor> contributors, ImageBuilder images, PlatformImages platformImages,
			BuildOutputStore output, InstanceSettings instance, BuildSettings settings, AppLogs appLogs,
			DependencyCache dependencyCache, BuildImageCheck imageCheck, BuildSlots slots, BuildCapacity capacity,
			BuildEnvironment environment,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.builds = builds;
		this.selection = selection;
		this.contributors = contributors.stream()
			.collect(Collectors.toMap(BuildpackContributor::buildpackId, Function.identity()));
		this.images = images;
		this.platformImages = platformImages;
		this.output = output;
		this.instance = instance;
		this.settings = settings;
		this.appLogs = appLogs;
		this.dependencyCache = dependencyCache;
		this.imageCheck = imageCheck;
		this.slots = slots;
		this.capacity = capacity;
		this.environment = environment;
		this.executor = executor;
	}

	/**
	 * The BUILDPACK config var wins over the app's setting and detection; other config vars may steer the
	 * buildpack.
	 */
	@Override
	public BuildRecording build(App app, SourceTree source, String author, BuildConfig config, Progress pushLog) {
		Build build = builds.save(new Build(app.id(), source.commit(), author));
		BuildOutputStore.Recorder recorder = output.record(build.id());
		Progress log = output.capped(line -> {
			pushLog.line(line);
			recorder.line(line);
			appLogs.platform(app.id(), "build", line);
		});
		try {
			run(app, build, source, config, log);
		}
		catch (RuntimeException | Error ex) {
			recorder.close();
			throw ex;
		}
		return new BuildRecording(build, log, recorder::close);
	}

	private void run(App app, Build build, SourceTree source, BuildConfig config, Progress log) {
		build.started();
		builds.save(build);
		try {
			log.step("Building " + app.name() + " from commit " + source.commit().substring(0, 7));
			Buildpack buildpack = selection.choose(app, source, config.get("BUILDPACK").orElse(null), log);
			build.usesBuildpack(buildpack.id());
			builds.save(build);
			buildImage(app, build, buildpack, source, config, log);
			Map<String, String> commands = build.processCommands();
			if (commands.isEmpty()) {
				log.warning("No process types: add a Procfile with a web entry (web: <command>) to run the app.");
			}
			else {
				log.step("Process types: " + commands.entrySet()
					.stream()
					.map(entry -> entry.getValue().isEmpty() ? entry.getKey() + " (the image's command)" : entry.getKey())
					.collect(Collectors.joining(", ")));
			}
			log.step("Build succeeded in " + build.duration().toSeconds() + " s");
		}
		catch (BuildFailed ex) {
			fail(build, ex.getMessage(), false, log);
		}
		catch (ImageBuildFailed ex) {
			if (cancelled.remove(build.id())) {
				fail(build, "The build was cancelled.", true, log);
			}
			else {
				fail(build, ex.timedOut() ? "The build took longer than " + settings.timeout().toMinutes()
						+ " min and was stopped." : "The build failed: " + ex.getMessage(), false, log);
			}
		}
		catch (RuntimeException ex) {
			BuildService.log.error("Build {} of {} failed unexpectedly", build.id(), app.name(), ex);
			fail(build, "The build failed: " + ex.getMessage(), false, log);
		}
		finally {
			running.remove(build.id());
			cancelled.remove(build.id());
			builds.save(build);
		}
	}

	private void buildImage(App app, Build build, Buildpack buildpack, SourceTree source, BuildConfig config,
			Progress log) {
		Procfile procfile = source.read("Procfile").map(Procfile::parse).orElse(Procfile.of(Map.of()));
		BuildpackContributor contributor = buildpack.builtIn() ? contributors.get(buildpack.id()) : null;
		BuildpackPlan plan = contributor != null ? contributor.plan(source, config, log) : BuildpackPlan.of(Map.of());
		Map<String, byte[]> generated = new HashMap<>();
		String dockerfile = "Dockerfile";
		DependencyCache.Use cache = null;
		if (!buildpack.usesOwnDockerfile()) {
			dockerfile = GENERATED_DOCKERFILE;
			String digest = DependencyCache.digest(buildpack.id(), source, plan.dependencyFiles());
			cache = dependencyCache.plan(app, buildpack.id(), digest);
			String text = DockerfileTemplates.render(buildpack, platformImages.stack(), cache.seed(), plan);
			if (!DependencyCache.hasCacheStage(text)) {
				cache = null;
			}
			else {
				build.seededFrom(digest, cache.seed());
				if (cache.seed() != null) {
					log.detail("Restoring the dependency cache of an earlier build");
				}
			}
			generated.put(dockerfile, text.getBytes(StandardCharsets.UTF_8));
		}
		String dockerfileText = buildpack.usesOwnDockerfile() ? source.read(dockerfile).orElse("")
				: new String(generated.get(dockerfile), StandardCharsets.UTF_8);
		imageCheck.check(app, dockerfile, dockerfileText, plan.buildArgs(), log);
		Predicate<String> include = ContextFilter.forBuild(buildpack, source);
		// Only Docker's part takes a slot, so a refused build never waits in the queue.
		BuildSlots.Slot slot = slots.acquire(log, () -> cancelled.contains(build.id()))
			.orElseThrow(() -> new ImageBuildFailed("The build stopped while it waited for a build slot", false, null));
		try (slot) {
			String repository = instance.resourceName("app") + "/" + app.name();
			String tag = repository + ":build-" + build.id();
			Map<String, String> labels = Map.of(SlipwayLabels.INSTANCE, instance.name(), SlipwayLabels.APP, app.name(),
					SlipwayLabels.APP_ID, String.valueOf(app.id()), SlipwayLabels.BUILD, String.valueOf(build.id()));
			String cpuset = environment.cpuset(slot.number(), capacity.cpus());
			String target = cache != null ? DependencyCache.APP_STAGE : null;
			String cgroup = environment.cgroupParent(settings.pidsLimit());
			Optional<String> labelled = DockerfileLabels.add(dockerfileText, target, labels);
			String labelledPath = buildpack.usesOwnDockerfile() ? LABELLED_OWN_DOCKERFILE : GENERATED_DOCKERFILE;
			Map<String, byte[]> context = labelled
				.map(text -> labelledContext(generated, labelledPath, text, source, include))
				.orElse(generated);
			ImageBuildRequest request = new ImageBuildRequest(Set.of(tag), labelled.isPresent() ? Map.of() : labels,
					settings.memory().toBytes(), labelled.isPresent() ? labelledPath : dockerfile, target,
					plan.buildArgs(), cpuset, environment.network(), cgroup);
			String imageId = buildImage(build, source, include, context, request,
					new DockerBuildOutput(log, buildpack.usesOwnDockerfile()));
			if (cache != null) {
				if (cache.mustSave()) {
					String cacheTag = repository + ":cache-" + build.id();
					ImageBuildRequest cacheRequest = new ImageBuildRequest(Set.of(cacheTag), labels,
							settings.memory().toBytes(), dockerfile, DependencyCache.CACHE_STAGE, plan.buildArgs(), cpuset,
							environment.network(), cgroup);
					saveCache(app, build, cacheTag, () -> buildImage(build, source, include, context, cacheRequest, line -> {
					}), log);
				}
				else {
					build.savedCache(cache.reusable());
				}
			}
			Procfile processes = Procfile.of(buildpack.defaultProcessTypes())
				.overriddenBy(Procfile.of(plan.defaultProcessTypes()))
				.overriddenBy(procfile);
			build.succeeded(imageId, tag, processes);
		}
	}

	/**
	 * The generated files plus the Dockerfile with Slipway's labels at {@code path}, which a
	 * {@code .dockerignore} line drops from the context once Docker has read it (as Docker's command
	 * line does with a Dockerfile from standard input): its build-specific line never reaches a COPY, so
	 * the layer cache holds. Without a {@code .dockerignore} of the app's, the one added lists itself
	 * too, so the files the image may copy stay as they were.
	 */
	private static Map<String, byte[]> labelledContext(Map<String, byte[]> generated, String path, String dockerfile,
			SourceTree source, Predicate<String> include) {
		Optional<String> ignore = include.test(DOCKERIGNORE) ? source.read(DOCKERIGNORE) : Optional.empty();
		Map<String, byte[]> context = new HashMap<>(generated);
		context.put(path, dockerfile.getBytes(StandardCharsets.UTF_8));
		context.put(DOCKERIGNORE, (ignore.map(text -> text + "\n").orElse(DOCKERIGNORE + "\n") + path + "\n")
			.getBytes(StandardCharsets.UTF_8));
		return context;
	}

	/** Saves the build stage's {@code /cache} as an image; without it the next build merely starts cold. */
	private void saveCache(App app, Build build, String cacheTag, Runnable cacheBuild, Progress log) {
		log.detail("Saving the dependency cache for the next build");
		try {
			cacheBuild.run();
			build.savedCache(cacheTag);
			dependencyCache.prune(app, build);
		}
		catch (ImageBuildFailed ex) {
			log.warning("Saving the dependency cache failed (" + ex.getMessage() + "); the next build starts without it.");
		}
	}

	/** Runs one image build of the pushed files and returns the image's id; cancellable while it runs. */
	/**
	 * Builds the image, and once more when Docker's classic builder lost a cached layer halfway ("unable
	 * to find image"): removing another app's image (a deleted app's, an old release's) also removes the
	 * untagged layers under it, which a concurrent build may have just picked from the cache.
	 */
	private String buildImage(Build build, SourceTree source, Predicate<String> include, Map<String, byte[]> generated,
			ImageBuildRequest request, Consumer<String> output) {
		try {
			return buildImageOnce(build, source, include, generated, request, output);
		}
		catch (ImageBuildFailed ex) {
			if (ex.getMessage() == null || !ex.getMessage().contains(LOST_LAYER) || cancelled.contains(build.id())) {
				throw ex;
			}
			output.accept("Docker removed a cached layer while this build used it; building again");
			return buildImageOnce(build, source, include, generated, request, output);
		}
	}

	private String buildImageOnce(Build build, SourceTree source, Predicate<String> include, Map<String, byte[]> generated,
			ImageBuildRequest request, Consumer<String> output) {
		try (PipedInputStream context = new PipedInputStream(1 << 20)) {
			streamContext(source, include, generated, context);
			ImageBuild imageBuild = images.start(context, request, output);
			running.put(build.id(), imageBuild);
			if (cancelled.contains(build.id())) {
				imageBuild.cancel();
			}
			return imageBuild.awaitImageId(settings.timeout());
		}
		catch (IOException ex) {
			throw new BuildFailed("Reading the pushed files failed: " + ex.getMessage(), ex);
		}
	}

	/** Writes the tar on another thread; closing the reading end stops it if Docker gives up early. */
	private void streamContext(SourceTree source, Predicate<String> include, Map<String, byte[]> generated,
			PipedInputStream context) throws IOException {
		PipedOutputStream tar = new PipedOutputStream(context);
		executor.execute(() -> {
			try (tar) {
				source.writeTar(tar, include, generated);
			}
			catch (IOException ex) {
				log.debug("The build context stream ended early: {}", ex.getMessage());
			}
		});
	}

	private void fail(Build build, String reason, boolean wasCancelled, Progress log) {
		build.failed(reason, wasCancelled);
		log.error(reason);
	}

	/** Stops a running build; the push that started it fails with "cancelled". */
	public Build cancel(App app, long buildId) {
		Build build = require(app, buildId);
		if (build.status().finished()) {
			throw SlipwayException.conflict("build_finished",
					"Build " + buildId + " has finished (" + build.status().name().toLowerCase() + "); there is nothing to cancel.");
		}
		cancelled.add(buildId);
		ImageBuild imageBuild = running.get(buildId);
		if (imageBuild != null) {
			imageBuild.cancel();
		}
		return build;
	}

	public List<Build> recent(App app, int limit) {
		return builds.findByAppIdOrderByIdDesc(app.id(), Limit.of(limit));
	}

	public Build require(App app, long buildId) {
		return builds.findByIdAndAppId(buildId, app.id())
			.orElseThrow(() -> SlipwayException.notFound("build_not_found",
					"The app " + app.name() + " has no build " + buildId + "."));
	}

	/** At most {@code limit} lines of the build's output numbered above {@code after}, so far. */
	public OutputPage output(Build build, int after, int limit) {
		return output.page(build.id(), after, limit);
	}

	/** The last {@code count} lines of the build's output so far. */
	public OutputPage outputTail(Build build, int count) {
		return output.tail(build.id(), count);
	}

	/** Waits up to {@code timeout} for more output than line {@code after}, or the output's end; false if neither came. */
	public boolean awaitOutput(Build build, int after, Duration timeout) throws InterruptedException {
		return output.await(build.id(), after, timeout);
	}

	/** Why the build's output is gone, when it was deleted because the app has newer builds than the retention keeps. */
	public Optional<String> outputExpiry(Build build) {
		return output.expiry(build.id());
	}

	/** Builds cut short by a stop of Slipway are failed, not left "building" for ever. */
	@EventListener(ApplicationStartedEvent.class)
	void failInterruptedBuilds() {
		for (Build build : builds.findByStatusIn(List.of(BuildStatus.PENDING, BuildStatus.BUILDING))) {
			build.failed("Slipway stopped during the build; push again.", false);
			builds.save(build);
		}
	}

}
