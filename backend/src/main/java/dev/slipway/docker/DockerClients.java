package dev.slipway.docker;

import com.github.dockerjava.api.DockerClient;

/**
 * The two Docker clients Slipway uses: {@code api} answers within a response timeout and is
 * for ordinary calls; {@code streams} has no response timeout and is for long streams (logs,
 * events, image builds, attached one-off dynos).
 */
public record DockerClients(DockerClient api, DockerClient streams) {
}
