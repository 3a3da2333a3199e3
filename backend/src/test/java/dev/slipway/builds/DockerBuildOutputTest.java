package dev.slipway.builds;

import dev.slipway.progress.RecordingProgress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerBuildOutputTest {

	@Test
	void showsStepsOutputAndCacheHitsButNotDockerBookkeeping() {
		RecordingProgress log = new RecordingProgress();
		DockerBuildOutput output = new DockerBuildOutput(log, false);
		output.accept("Step 1/6 : FROM slipway/stack:trixie");
		output.accept(" ---> 0a1b2c3d4e5f");
		output.accept("Step 2/6 : ARG DEBIAN_FRONTEND=noninteractive");
		output.accept(" ---> Using cache");
		output.accept("Step 3/6 : RUN npm ci");
		output.accept(" ---> Running in 5e4d3c2b1a09");
		output.accept("\u001B[91madded 1 package\u001B[0m");
		output.accept("Removing intermediate container 5e4d3c2b1a09");
		output.accept("Step 4/6 : COPY . .");
		output.accept(" ---> Using cache");
		output.accept("Step 5/6 : LABEL dev.slipway.app=shop");
		output.accept("Successfully built 0a1b2c3d4e5f");
		assertThat(log.lines()).containsExactly("-----> Step 1/6: FROM slipway/stack:trixie",
				"-----> Step 3/6: RUN npm ci", "       added 1 package", "-----> Step 4/6: COPY . .",
				"       Using cache");
	}

	@Test
	void showsEveryStepOfTheAppsOwnDockerfile() {
		RecordingProgress log = new RecordingProgress();
		DockerBuildOutput output = new DockerBuildOutput(log, true);
		output.accept("Step 1/3 : FROM slipway/stack:trixie");
		output.accept("Step 2/3 : ENV A=b");
		output.accept("Step 3/3 : LABEL dev.slipway.build=4");
		assertThat(log.lines()).containsExactly("-----> Step 1/3: FROM slipway/stack:trixie", "-----> Step 2/3: ENV A=b");
	}

	@Test
	void takesAStepHeaderThatACommandPrintsForCommandOutput() {
		RecordingProgress log = new RecordingProgress();
		DockerBuildOutput output = new DockerBuildOutput(log, true);
		output.accept("Step 1/2 : RUN ./spoof");
		output.accept("Step 7/9 : RUN rm -rf /");
		output.accept("Step 1/2 : RUN ./spoof");
		output.accept("Step 2/2 : CMD [\"./server\"]");
		assertThat(log.lines()).containsExactly("-----> Step 1/2: RUN ./spoof", "       Step 7/9 : RUN rm -rf /",
				"       Step 1/2 : RUN ./spoof", "-----> Step 2/2: CMD [\"./server\"]");
	}

}
