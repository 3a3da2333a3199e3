package dev.slipway.builds;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileImagesTest {

	private static List<String> images(String dockerfile) {
		return images(dockerfile, Map.of());
	}

	private static List<String> images(String dockerfile, Map<String, String> buildArgs) {
		return DockerfileImages.of(dockerfile, buildArgs)
			.stream()
			.map(reference -> reference.line() + " " + reference.value().orElse("? " + reference.unresolved()))
			.toList();
	}

	@Test
	void findsFromCopyFromAndMountFromWithTheirLines() {
		assertThat(images("""
				FROM node:22 AS build
				COPY --from=ghcr.io/owner/tools:1 /bin/tool /bin/tool
				RUN --mount=type=bind,from=registry.example/x,target=/x --mount=type=cache,target=/c make
				FROM slipway/stack:trixie
				COPY --from=build /app /app
				""")).containsExactly("1 node:22", "2 ghcr.io/owner/tools:1", "3 registry.example/x", "4 slipway/stack:trixie");
	}

	@Test
	void stagesByNameOrNumberNameNoImageButLaterStagesDo() {
		assertThat(images("""
				FROM node:22 AS Base
				FROM base AS x
				COPY --from=0 /a /a
				COPY --from=BASE /b /b
				COPY --from=later /c /c
				COPY --from=7 /d /d
				FROM x
				FROM later AS later
				""")).containsExactly("1 node:22", "5 later", "6 7", "8 later");
	}

	@Test
	void instructionsAndFlagsInAnyCaseWithPlatformAndContinuationsAndComments() {
		assertThat(images("""
				# a comment
				from --platform=$BUILDPLATFORM \\
				  # a comment inside the continuation

				  slipway-app/other:build-1 as b
				cOpY --from=slipway-app/other:build-2 \\\t
				  / /
				""")).containsExactly("2 slipway-app/other:build-1", "6 slipway-app/other:build-2");
	}

	@Test
	void theEscapeDirectiveChangesTheContinuationCharacter() {
		assertThat(images("""
				# escape=`
				FROM `
				  node:22
				COPY --from=victim:1 C:\\x \\
				""")).containsExactly("2 node:22", "4 victim:1");
		assertThat(images("""
				FROM node:22
				# escape=`
				FROM a \\
				  b
				""")).containsExactly("1 node:22", "3 a");
	}

	@Test
	void onBuildLinesAreCheckedAndNeverNameAStage() {
		assertThat(images("""
				FROM node:22 AS base
				ONBUILD COPY --from=slipway-app/victim:build-3 / /loot
				ONBUILD COPY --from=base / /x
				""")).containsExactly("1 node:22", "2 slipway-app/victim:build-3", "3 base");
	}

	@Test
	void argDefaultsAndSlipwaysBuildArgsResolveFrom() {
		assertThat(images("""
				ARG REPO=slipway-app
				ARG NAME="victim" TAG
				ARG FULL=${REPO}/${NAME}:build-${TAG:-5}
				FROM $FULL
				FROM ${TAG:+node}${TAG:-debian}:trixie
				""")).containsExactly("4 slipway-app/victim:build-5", "5 debian:trixie");
		assertThat(images("ARG IMAGE=node:22\nFROM ${IMAGE}\n", Map.of("IMAGE", "slipway-app/x:build-1")))
			.containsExactly("2 slipway-app/x:build-1");
	}

	@Test
	void whatOnlyTheBuildKnowsStaysUnresolved() {
		assertThat(images("""
				ARG X
				FROM $X
				FROM ${UNDECLARED:-node:22}
				FROM ${X#slipway}
				FROM node:22 AS a
				ARG LATE=node:22
				FROM $LATE
				COPY --from=${X} / /
				RUN --mount=from=$HOME,target=/h true
				""")).containsExactly("2 ? $X has no value Slipway knows before the build",
					"3 ? $UNDECLARED has no value Slipway knows before the build",
					"4 ? ${X#slipway} has no value Slipway knows before the build", "5 node:22",
					"7 ? $LATE has no value Slipway knows before the build",
					"8 ? a --from value with a variable is resolved only by the builder",
					"9 ? a --from value with a variable is resolved only by the builder");
	}

	@Test
	void escapedDollarsAndSingleQuotesAreLiteral() {
		List<DockerfileImages.Reference> references = DockerfileImages.of("ARG A='$B'\nFROM $A\nFROM \\$B\n", Map.of());
		assertThat(references).extracting(DockerfileImages.Reference::value)
			.containsExactly(Optional.of("$B"), Optional.of("$B"));
	}

}
