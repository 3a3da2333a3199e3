package dev.slipway.builds;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageRulesTest {

	private final ImageRules rules = new ImageRules("slipway-app", "mine",
			Set.of("slipway/stack:trixie", "slipway/stack:trixie-0123456789ab"));

	@Test
	void registryImagesTheStackTheAppsOwnImagesAndScratchAreAllowed() {
		assertThat(Set.of("node:22", "node", "library/node:22", "ghcr.io/x/y:1", "registry.example/x",
				"localhost:5000/a/b", "node@sha256:" + "a".repeat(64), "someone/slipway-app:1", "slipway/stack:trixie",
				"docker.io/slipway/stack:trixie-0123456789ab", "slipway-app/mine:build-7", "slipway-app/mine:cache-7",
				"scratch"))
			.allSatisfy(reference -> assertThat(rules.refusal(reference)).as(reference).isEmpty());
	}

	@Test
	void otherAppsImagesAreRefusedWhateverTheSpelling() {
		assertThat(Set.of("slipway-app/victim:build-1", "docker.io/slipway-app/victim:build-1",
				"index.docker.io/slipway-app/victim", "slipway-app/mine/x:1", "slipway-app/mine-2:build-1",
				"slipway-app/victim@sha256:" + "b".repeat(64)))
			.allSatisfy(reference -> assertThat(rules.refusal(reference)).as(reference).contains("it names another app's image"));
	}

	@Test
	void slipwaysOwnImagesOtherThanTheStackAreRefused() {
		assertThat(Set.of("slipway/postgres:17", "slipway/router:1", "slipway/stack:other", "slipway/stack",
				"slipway/stack@sha256:" + "c".repeat(64)))
			.allSatisfy(reference -> assertThat(rules.refusal(reference)).as(reference)
				.contains("of Slipway's own images a build may use only the stack"));
	}

	@Test
	void imageIdsAndDigestsOfLocalImagesAreRefused() {
		assertThat(Set.of("0123456789ab", "sha256:" + "d".repeat(64), "d".repeat(64), "abcdef"))
			.allSatisfy(reference -> assertThat(rules.refusal(reference)).as(reference).hasValueSatisfying(
					why -> assertThat(why).startsWith("it names an image by its ID")));
	}

	@Test
	void malformedReferencesAreRefused() {
		assertThat(Set.of("Node:22", "node:", "a//b", "-x", "node:22 AS"))
			.allSatisfy(reference -> assertThat(rules.refusal(reference)).as(reference).contains("it is not a valid image reference"));
	}

	@Test
	void theStackIsKnownByEachOfItsTags() {
		assertThat(rules.stack("slipway/stack:trixie")).isTrue();
		assertThat(rules.stack("docker.io/slipway/stack:trixie-0123456789ab")).isTrue();
		assertThat(rules.stack("slipway/stack:other")).isFalse();
		assertThat(rules.stack("ghcr.io/slipway/stack:trixie")).isFalse();
	}

	@Test
	void onlySlipwaysNamespacesAreNeverPulled() {
		assertThat(rules.slipwayNamespace("slipway-app/mine:build-9")).isTrue();
		assertThat(rules.slipwayNamespace("docker.io/slipway/x")).isTrue();
		assertThat(rules.slipwayNamespace("ghcr.io/slipway/x")).isFalse();
		assertThat(rules.slipwayNamespace("node:22")).isFalse();
	}

	@Test
	void aBareNameIsPulledAsLatest() {
		assertThat(ImageRules.withTag("node")).isEqualTo("node:latest");
		assertThat(ImageRules.withTag("localhost:5000/a")).isEqualTo("localhost:5000/a:latest");
		assertThat(ImageRules.withTag("node:22")).isEqualTo("node:22");
		assertThat(ImageRules.withTag("node@sha256:" + "a".repeat(64))).isEqualTo("node@sha256:" + "a".repeat(64));
	}

}
