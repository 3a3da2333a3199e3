package dev.slipway.builds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.apps.App;
import dev.slipway.docker.DockerClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Heroku's build cache, made of images. A buildpack template whose last stage is {@code cache} copies
 * the build stage's {@code /cache} (Maven's repository, npm's cache, …) into an image of its own; the
 * next build whose dependency manifests changed starts its install step from it
 * ({@code COPY --from=<seed> /cache /cache}), so only what changed is downloaded. While the manifests
 * stay the same, builds keep the seed they had, so the Dockerfile is identical and Docker's layer cache
 * reuses the installed dependencies as before. The cache never enters the app's image.
 */
@Component
class DependencyCache {

	/** The stage a template names {@code cache} holds what the next build starts from. */
	static final String CACHE_STAGE = "cache";

	/** The stage a caching template names {@code app} is the app's image. */
	static final String APP_STAGE = "app";

	private static final Pattern CACHE_STAGE_LINE = Pattern.compile("(?im)^FROM\\s+\\S+\\s+AS\\s+" + CACHE_STAGE + "\\s*$");

	private static final Logger log = LoggerFactory.getLogger(DependencyCache.class);

	private final Builds builds;

	private final DockerClients docker;

	DependencyCache(Builds builds, DockerClients docker) {
		this.builds = builds;
		this.docker = docker;
	}

	/** How a build uses the cache: the image its install step starts from, and a saved cache it may reuse. */
	record Use(String digest, String seed, String reusable) {

		boolean mustSave() {
			return reusable == null;
		}

	}

	static boolean hasCacheStage(String dockerfile) {
		return CACHE_STAGE_LINE.matcher(dockerfile).find();
	}

	/**
	 * The seed for a build of {@code app} with {@code buildpackId}: with unchanged manifests, the seed of
	 * the previous build (and its saved cache is still good); otherwise the previous build's saved cache.
	 */
	Use plan(App app, String buildpackId, String digest) {
		Optional<Build> previous = builds.findFirstByAppIdAndBuildpackAndStatusAndCacheImageNotNullOrderByIdDesc(app.id(),
				buildpackId, BuildStatus.SUCCEEDED);
		if (previous.isEmpty() || !exists(previous.get().cacheImage())) {
			return new Use(digest, null, null);
		}
		Build last = previous.get();
		if (digest.equals(last.dependencyDigest()) && (last.cacheSeed() == null || exists(last.cacheSeed()))) {
			return new Use(digest, last.cacheSeed(), last.cacheImage());
		}
		return new Use(digest, last.cacheImage(), null);
	}

	/** Removes the app's saved caches that neither {@code build} nor its seed are. */
	void prune(App app, Build build) {
		Set<String> kept = new HashSet<>();
		kept.add(build.cacheImage());
		kept.add(build.cacheSeed());
		Set<String> removed = new HashSet<>();
		for (Build other : builds.findByAppIdAndCacheImageNotNull(app.id())) {
			String image = other.cacheImage();
			if (!kept.contains(image) && removed.add(image)) {
				remove(image);
			}
		}
	}

	/** A digest of the buildpack and the dependency files' paths and contents (folders stand for every file in them). */
	static String digest(String buildpackId, SourceTree source, List<String> dependencyFiles) {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		sha.update(buildpackId.getBytes(StandardCharsets.UTF_8));
		source.files()
			.stream()
			.filter(path -> dependencyFiles.stream().anyMatch(file -> path.equals(file) || path.startsWith(file + "/")))
			.sorted()
			.forEach(path -> {
				sha.update((path + "\0").getBytes(StandardCharsets.UTF_8));
				sha.update(source.read(path).orElse("").getBytes(StandardCharsets.UTF_8));
			});
		return HexFormat.of().formatHex(sha.digest());
	}

	private boolean exists(String image) {
		return docker.image(image).isPresent();
	}

	private void remove(String image) {
		try {
			docker.api().removeImageCmd(image).exec();
		}
		catch (NotFoundException ex) {
			// Gone already.
		}
		catch (ConflictException ex) {
			log.debug("The cache image {} is in use and stays for now", image);
		}
	}

}
