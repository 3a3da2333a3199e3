package dev.slipway.builds;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.slipway.apps.App;
import dev.slipway.docker.LocalImages;
import dev.slipway.docker.LocalImages.LocalImage;
import dev.slipway.docker.PlatformImages;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.progress.Progress;

import org.springframework.stereotype.Component;

/**
 * Checks every image a build names before it starts (see {@link DockerfileImages} and
 * {@link ImageRules}), then asks the engine about each: an image it holds that Slipway built must be
 * the stack or one of this app's builds (images of another installation or of a deleted app of the
 * same name included), and the {@code ONBUILD} triggers of every base image, pulled first when
 * missing, are checked like the Dockerfile's own lines. Builds then run with {@code pull=false}, as
 * the stack and the app's images are local only; what the engine holds is reached by name only
 * after this check.
 */
@Component
class BuildImageCheck {

	static final int MAX_DOCKERFILE_CHARS = 1 << 20;

	private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

	private final LocalImages images;

	private final PlatformImages platformImages;

	private final InstanceSettings instance;

	private final Builds builds;

	BuildImageCheck(LocalImages images, PlatformImages platformImages, InstanceSettings instance, Builds builds) {
		this.images = images;
		this.platformImages = platformImages;
		this.instance = instance;
		this.builds = builds;
	}

	/** Refuses the build with {@link BuildFailed} naming the first image it may not use. */
	void check(App app, String dockerfileName, String dockerfile, Map<String, String> buildArgs, Progress log) {
		if (dockerfile.length() > MAX_DOCKERFILE_CHARS) {
			throw new BuildFailed(dockerfileName + " is larger than " + (MAX_DOCKERFILE_CHARS >> 20)
					+ " MB; a Dockerfile that size is not one Slipway builds.");
		}
		String stack = platformImages.stack();
		ImageRules rules = new ImageRules(instance.resourceName("app"), app.name(),
				Set.of(PlatformImages.STACK_IMAGE, stack));
		String stackId = images.find(stack).map(LocalImage::id).orElse(null);
		for (DockerfileImages.Reference reference : DockerfileImages.of(dockerfile, buildArgs)) {
			String where = dockerfileName + " line " + reference.line() + ": " + reference.instruction();
			String image = reference.value().orElseThrow(() -> new BuildFailed(where + " is refused: " + reference.unresolved()
					+ ", so the image it names cannot be checked. Give the "
					+ "ARG a default before the first FROM (ARG IMAGE=node:22), or write the image out; for COPY --from, "
					+ "name a stage (FROM ${IMAGE} AS source, then COPY --from=source)."));
			refuse(where, image, rules.refusal(image), rules);
			LocalImage local = images.find(image).orElse(null);
			if (local == null && rules.slipwayNamespace(image)) {
				throw new BuildFailed(where + ": there is no image " + image + ". " + capitalized(rules.allowed()) + ".");
			}
			if (local == null && !image.equals("scratch")) {
				log.detail("Pulling " + image + " to check it before the build");
				Optional<String> failure = images.pull(ImageRules.withTag(image), PULL_TIMEOUT);
				if (failure.isPresent()) {
					throw new BuildFailed(where + ": the image " + image + " cannot be pulled (" + failure.get()
							+ "). Check its name and that a registry serves it.");
				}
				local = images.find(image).orElse(null);
			}
			if (local != null && !rules.stack(image)) {
				refuse(where, image, owner(app, local, stackId), rules);
				checkTriggers(app, where, image, local.onBuild(), rules, stackId);
			}
		}
	}

	/**
	 * Why an image the engine holds is not the app's to use, judged by the labels Slipway puts on what it
	 * builds: an app's image must be one of this app's builds, and an image with only the labels of
	 * Slipway's own images (which images built on the stack inherit) counts as one of them unless a
	 * registry served it.
	 */
	private Optional<String> owner(App app, LocalImage image, String stackId) {
		if (image.id().equals(stackId)) {
			return Optional.empty();
		}
		Map<String, String> labels = image.labels();
		if (labels.containsKey(SlipwayLabels.INSTANCE)) {
			if (!instance.name().equals(labels.get(SlipwayLabels.INSTANCE))) {
				return Optional.of("it is an image of another Slipway installation");
			}
			String build = labels.get(SlipwayLabels.BUILD);
			boolean own = build != null && build.matches("\\d{1,18}")
					&& builds.findByIdAndAppId(Long.parseLong(build), app.id()).isPresent();
			return own ? Optional.empty() : Optional.of("it names another app's image");
		}
		boolean slipways = labels.keySet().stream().anyMatch(label -> label.startsWith(SlipwayLabels.PREFIX));
		return slipways && !image.pulled() ? Optional.of("of Slipway's own images a build may use only the stack")
				: Optional.empty();
	}

	/** A base image's {@code ONBUILD} lines run in this build, so they may name only what the Dockerfile may. */
	private void checkTriggers(App app, String where, String image, List<String> triggers, ImageRules rules,
			String stackId) {
		for (String trigger : triggers) {
			for (DockerfileImages.Reference reference : DockerfileImages.of("ONBUILD " + trigger, Map.of())) {
				String triggerWhere = where + " (its ONBUILD " + trigger + ")";
				String named = reference.value().orElseThrow(() -> new BuildFailed(triggerWhere + " is refused: "
						+ reference.unresolved() + ", so the image it names cannot be checked. Use another base image."));
				refuse(triggerWhere, named, rules.refusal(named), rules);
				Optional<LocalImage> local = images.find(named);
				if (local.isPresent()) {
					refuse(triggerWhere, named, owner(app, local.get(), stackId), rules);
				}
			}
		}
	}

	private static void refuse(String where, String image, Optional<String> why, ImageRules rules) {
		if (why.isPresent()) {
			throw new BuildFailed(where + " is refused: " + why.get() + " (" + image + "). " + capitalized(rules.allowed()) + ".");
		}
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
