package dev.slipway.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without Docker Engine, Slipway says in one line what to do. */
class DockerConfigurationTest {

	@Test
	void aMissingEngineNamesTheInstallTheGroupAndDockerHost() {
		String action = DockerConfiguration.unreachableAction("No such file or directory");
		assertThat(action).doesNotContain("\n")
			.contains("sudo apt-get install -y docker.io", "systemctl start docker", "docker group", "DOCKER_HOST");
	}

	@Test
	void aRefusedSocketNamesTheDockerGroupFirst() {
		String action = DockerConfiguration.unreachableAction("Permission denied");
		assertThat(action).doesNotContain("\n").startsWith("Add your user to the docker group").contains("DOCKER_HOST");
	}

}
