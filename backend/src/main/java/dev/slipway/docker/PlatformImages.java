package dev.slipway.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.github.dockerjava.api.command.InspectImageResponse;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The images Slipway itself needs: the stack every image builds on, and the platform images
 * (router, Postgres) built on the stack from recipe folders on the classpath. Each is built when
 * missing or when its recipe changed, with Docker's output logged as progress.
 */
@Component
public class PlatformImages {

	public static final String STACK_IMAGE = "slipway/stack:trixie";

	static final String RECIPE_LABEL = "dev.slipway.recipe";

	private static final Logger log = LoggerFactory.getLogger(PlatformImages.class);

	private final DockerClients docker;

	private final ImageBuilder builder;

	private final InstanceSettings instance;

	private final BaseImage baseImage;

	PlatformImages(DockerClients docker, ImageBuilder builder, InstanceSettings instance) {
		this.docker = docker;
		this.builder = builder;
		this.instance = instance;
		this.baseImage = new BaseImage(docker);
	}

	/** Ensures the stack image and returns the tag of exactly this installation's stack. */
	public synchronized String stack() {
		String baseId = baseImage.id();
		BuildContext recipe = BuildContext.fromClasspath("buildpacks/stack").with("extra-ca.pem", extraCaBundle());
		return ensure(STACK_IMAGE, recipe, baseId);
	}

	/**
	 * Ensures a platform image built on the stack from {@code classpath:<recipeFolder>} and returns the
	 * tag of exactly that build.
	 */
	public synchronized String ensure(String tag, String recipeFolder) {
		String stackId = imageId(stack()).orElseThrow();
		return ensure(tag, BuildContext.fromClasspath(recipeFolder), stackId);
	}

	/** The extra CA bundle images trust, empty when none is configured. */
	public byte[] extraCaBundle() {
		if (instance.extraCa().isEmpty()) {
			return new byte[0];
		}
		Path file = instance.extraCa().get();
		try {
			byte[] pem = Files.readAllBytes(file);
			if (pem.length > 0 && !new String(pem).contains("-----BEGIN CERTIFICATE-----")) {
				throw new StartupFailure("The extra CA file " + file + " holds no PEM certificate.",
						"Point SLIPWAY_EXTRA_CA_FILE (slipway.extra-ca-file) at a PEM bundle of one or more certificates.");
			}
			return pem;
		}
		catch (IOException ex) {
			throw new StartupFailure("The extra CA file " + file + " cannot be read (" + ex.getMessage() + ").",
					"Point SLIPWAY_EXTRA_CA_FILE (slipway.extra-ca-file) at a readable PEM file, or unset it.");
		}
	}

	/**
	 * Builds the image unless one of exactly this recipe exists, tagged {@code <tag>-<digest>}; the plain
	 * tag (which users' own Dockerfiles name) is moved to it. Installations with different recipes (another
	 * extra CA, another version) on one Docker Engine so each keep their own image instead of rebuilding
	 * the shared tag for each other.
	 */
	private String ensure(String tag, BuildContext recipe, String parentId) {
		String digest = recipe.digest(parentId);
		String exactTag = tag + "-" + digest.substring(0, 12);
		Optional<InspectImageResponse> exact = docker.image(exactTag);
		if (exact.isPresent()) {
			if (!imageId(tag).equals(Optional.of(exact.get().getId()))) {
				tag(exact.get().getId(), tag);
			}
			return exactTag;
		}
		Optional<Map<String, String>> labels = docker.image(tag)
			.map(image -> Objects.requireNonNullElse(image.getConfig().getLabels(), Map.<String, String>of()));
		if (labels.isPresent() && digest.equals(labels.get().get(RECIPE_LABEL))) {
			tag(imageId(tag).orElseThrow(), exactTag);
			return exactTag;
		}
		log.info("Building {} ({}); this takes a minute or two", tag,
				labels.isEmpty() ? "first run" : "its recipe changed");
		String shortName = tag.substring(tag.indexOf('/') + 1, tag.indexOf(':'));
		try {
			builder
				.start(new ByteArrayInputStream(recipe.tar()),
						new ImageBuildRequest(Set.of(tag, exactTag), Map.of(RECIPE_LABEL, digest), 0, "Dockerfile", null, Map.of(), null, null, null),
						line -> log.info("[{}] {}", shortName, line))
				.awaitImageId(Duration.ofMinutes(30));
		}
		catch (ImageBuildFailed ex) {
			throw new StartupFailure("Building the image " + tag + " failed: " + ex.getMessage(),
					"Read the build output above. Building needs Debian's package mirror over HTTP; "
							+ "behind a TLS-intercepting proxy, set SLIPWAY_EXTRA_CA_FILE to its CA bundle.",
					ex);
		}
		log.info("Built {}", tag);
		return exactTag;
	}

	private void tag(String imageId, String tag) {
		docker.api().tagImageCmd(imageId, tag.substring(0, tag.lastIndexOf(':')), tag.substring(tag.lastIndexOf(':') + 1)).exec();
	}

	private Optional<String> imageId(String reference) {
		return docker.image(reference).map(InspectImageResponse::getId);
	}

}
