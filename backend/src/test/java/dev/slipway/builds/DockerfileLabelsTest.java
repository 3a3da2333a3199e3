package dev.slipway.builds;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileLabelsTest {

	private static final Map<String, String> LABELS = Map.of("dev.slipway.build", "12", "dev.slipway.app", "shop");

	@Test
	void appendsOneSortedLineToTheLastStage() {
		assertThat(DockerfileLabels.add("FROM base\nCMD [\"run\"]", null, LABELS))
			.contains("FROM base\nCMD [\"run\"]\nLABEL dev.slipway.app=shop dev.slipway.build=12\n");
	}

	@Test
	void endsTheTargetStageBeforeTheNextOne() {
		String dockerfile = "FROM base AS build\nRUN make \\\n  FROM x\nFROM base AS app\nUSER app\n\n# the cache\nFROM scratch AS cache\nCOPY --from=build /cache /cache\n";
		assertThat(DockerfileLabels.add(dockerfile, "app", LABELS)).contains("FROM base AS build\nRUN make \\\n  FROM x\n"
				+ "FROM base AS app\nUSER app\n\n# the cache\nLABEL dev.slipway.app=shop dev.slipway.build=12\n"
				+ "FROM scratch AS cache\nCOPY --from=build /cache /cache\n");
	}

	@Test
	void leavesToDockerWhatItCannotExtendSafely() {
		assertThat(DockerfileLabels.add("FROM base\nRUN make \\\n", null, LABELS)).isEmpty();
		assertThat(DockerfileLabels.add("# escape=`\nFROM base\n", null, LABELS)).isEmpty();
		assertThat(DockerfileLabels.add("FROM base AS app\n", "missing", LABELS)).isEmpty();
		assertThat(DockerfileLabels.add("FROM base\n", null, Map.of("dev.slipway.app", "two words"))).isEmpty();
	}

}
