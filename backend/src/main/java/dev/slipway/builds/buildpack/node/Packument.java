package dev.slipway.builds.buildpack.node;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.slipway.builds.BuildFailed;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the npm registry's abbreviated packument says about a package: its stable releases, newest first,
 * each with the Node.js versions it supports and its tarball with the registry's checksum.
 */
record Packument(String name, List<Release> releases) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Release(Semver version, String enginesNode, String tarball, String integrity) {

		/** Whether this release declares no Node.js requirement or one that {@code node} meets. */
		boolean supports(Semver node) {
			if (enginesNode == null) {
				return true;
			}
			RangeList range = RangeListFactory.create(enginesNode);
			return !range.get().isEmpty() && node.satisfies(range);
		}

		/**
		 * The tarball's URL, the checksum tool and the expected digest in hex, for the template to download
		 * and verify: {@code sha512sum} from {@code dist.integrity}, or {@code sha1sum} from the
		 * {@code dist.shasum} that the oldest releases have alone.
		 */
		Map<String, Object> download() {
			Map<String, Object> download = new LinkedHashMap<>();
			download.put("url", tarball);
			if (integrity.startsWith("sha512-")) {
				download.put("sum", "sha512sum");
				download.put("hex", HexFormat.of().formatHex(Base64.getDecoder().decode(integrity.substring(7))));
			}
			else {
				download.put("sum", "sha1sum");
				download.put("hex", integrity);
			}
			return download;
		}

	}

	static Packument parse(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new BuildFailed("The npm registry answered with something that is not a package document: "
					+ ex.getOriginalMessage());
		}
		List<Release> releases = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : root.path("versions").properties()) {
			Semver version = Semver.parse(entry.getKey());
			JsonNode dist = entry.getValue().path("dist");
			String integrity = dist.path("integrity").asString(dist.path("shasum").asString(""));
			// Pre-releases and odd test publishes (4.0.0-rc.1, 8.1.4-win12) are never what a range means.
			if (version == null || !version.getPreRelease().isEmpty() || integrity.isEmpty() || !dist.hasNonNull("tarball")) {
				continue;
			}
			JsonNode engines = entry.getValue().path("engines").path("node");
			releases.add(new Release(version, engines.isString() ? engines.asString() : null, dist.get("tarball").asString(),
					integrity));
		}
		releases.sort(Comparator.comparing(Release::version).reversed());
		return new Packument(root.path("name").asString(""), List.copyOf(releases));
	}

	/** A range as npm reads it; null when it is not one. */
	static RangeList range(String range) {
		try {
			RangeList parsed = RangeListFactory.create(range.strip());
			return parsed.get().isEmpty() ? null : parsed;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	Optional<Release> newest(Predicate<Release> filter) {
		return releases.stream().filter(filter).findFirst();
	}

	Optional<Release> newestSatisfying(RangeList range) {
		return newest(release -> release.version().satisfies(range));
	}

	Optional<Release> exactly(String version) {
		return newest(release -> release.version().getVersion().equals(version));
	}

	/**
	 * The default Node.js: the newest release of the newest even major line that a newer major line
	 * followed. An even line turns LTS in October, when the next (odd) line comes out, so a line with a
	 * successor in the registry is LTS; the newest even line without one is still "Current".
	 */
	Optional<Release> newestLts() {
		int newestMajor = releases.isEmpty() ? 0 : releases.getFirst().version().getMajor();
		return newest(release -> release.version().getMajor() > 0 && release.version().getMajor() % 2 == 0
				&& release.version().getMajor() < newestMajor);
	}

	/** The newest release of each line (each major, and each 0.x minor), newest first: what a user can ask for. */
	String lines() {
		Map<String, String> newestPerLine = new LinkedHashMap<>();
		for (Release release : releases) {
			Semver version = release.version();
			String line = version.getMajor() == 0 ? "0." + version.getMinor() : String.valueOf(version.getMajor());
			newestPerLine.putIfAbsent(line, version.getVersion());
		}
		return newestPerLine.values().stream().collect(Collectors.joining(", "));
	}

}
