package dev.slipway.builds;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which image references a build of one app may use, decided from the reference alone: the stack,
 * this app's own images, and images a registry serves. Slipway's local namespaces ({@code slipway/}
 * and {@code <instance>-app/}) hold nothing else a build may name, and an image ID or a bare digest
 * names whatever the engine holds, so those are refused whoever built them.
 *
 * @param appNamespace the repository prefix of every app's images, {@code <instance>-app}
 * @param app the app being built
 * @param stackTags the tags of this installation's stack image
 */
record ImageRules(String appNamespace, String app, Set<String> stackTags) {

	static final String PLATFORM_NAMESPACE = "slipway";

	private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

	private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{6,64}");

	private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";

	private static final Pattern REFERENCE = Pattern.compile("(?<path>" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT
			+ ")*)(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");

	private static final Pattern DOMAIN = Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?");

	/** A reference split as Docker splits it; {@code registry} is null for Docker Hub, whose official images lose {@code library/}. */
	record ImageName(String registry, String path, String tag, String digest) {

		boolean local() {
			return registry == null;
		}

		String namespace() {
			int slash = path.indexOf('/');
			return slash < 0 ? "" : path.substring(0, slash);
		}

		String repository() {
			int slash = path.indexOf('/');
			int next = slash < 0 ? -1 : path.indexOf('/', slash + 1);
			return slash < 0 ? "" : path.substring(slash + 1, next < 0 ? path.length() : next);
		}

	}

	/** The reference split into registry, path, tag and digest, or empty when Docker would not take it. */
	static Optional<ImageName> parse(String reference) {
		String registry = null;
		String remainder = reference;
		int slash = reference.indexOf('/');
		if (slash > 0) {
			String first = reference.substring(0, slash);
			if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase())) {
				if (!DOMAIN.matcher(first).matches()) {
					return Optional.empty();
				}
				registry = DOCKER_HUB.contains(first.toLowerCase()) ? null : first;
				remainder = reference.substring(slash + 1);
			}
		}
		Matcher matcher = REFERENCE.matcher(remainder);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String path = matcher.group("path");
		if (registry == null && path.startsWith("library/")) {
			path = path.substring("library/".length());
		}
		return Optional.of(new ImageName(registry, path, matcher.group("tag"), matcher.group("digest")));
	}

	/** Why a build of the app may not use {@code reference}, or empty when it may. */
	Optional<String> refusal(String reference) {
		if (reference.equals("scratch")) {
			return Optional.empty();
		}
		if (IMAGE_ID.matcher(reference).matches()) {
			return Optional.of("it names an image by its ID, which reaches whatever the Docker Engine holds; "
					+ "name a repository and tag instead");
		}
		Optional<ImageName> parsed = parse(reference);
		if (parsed.isEmpty()) {
			return Optional.of("it is not a valid image reference");
		}
		ImageName name = parsed.get();
		if (!name.local()) {
			return Optional.empty();
		}
		if (name.namespace().equals(PLATFORM_NAMESPACE)) {
			return stack(reference) ? Optional.empty() : Optional.of("of Slipway's own images a build may use only the stack");
		}
		if (name.namespace().equals(appNamespace)) {
			return name.repository().equals(app) && name.path().indexOf('/', appNamespace.length() + 1) < 0 ? Optional.empty()
					: Optional.of("it names another app's image");
		}
		return Optional.empty();
	}

	/** Whether the reference names the stack by one of its tags. */
	boolean stack(String reference) {
		return parse(reference).filter(ImageName::local)
			.filter(name -> name.digest() == null && stackTags.contains(name.path() + ":" + name.tag()))
			.isPresent();
	}

	/** Whether the reference is in one of Slipway's local namespaces: never pulled, its images exist only here. */
	boolean slipwayNamespace(String reference) {
		return parse(reference).filter(ImageName::local)
			.filter(name -> name.namespace().equals(PLATFORM_NAMESPACE) || name.namespace().equals(appNamespace))
			.isPresent();
	}

	/** The reference with {@code :latest} when it has neither tag nor digest: pulling a bare name would fetch every tag. */
	static String withTag(String reference) {
		return parse(reference).filter(name -> name.tag() == null && name.digest() == null)
			.map(name -> reference + ":latest")
			.orElse(reference);
	}

	/** What a build may use, for refusals. */
	String allowed() {
		return "a build may use the stack image (" + stackTags.stream().sorted().findFirst().orElse("") + "), images a "
				+ "registry serves (such as node:22 or ghcr.io/owner/image:1) and this app's own images ("
				+ appNamespace + "/" + app + ":…)";
	}

}
