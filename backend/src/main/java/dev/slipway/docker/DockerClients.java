package dev.slipway.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;

/**
 * The Docker clients Slipway uses: {@code api} answers within a response timeout and is for
 * ordinary calls; {@code streams} has no response timeout and is for long streams (events, image
 * builds, one-off dynos); {@code streamTransport} is the same connection without docker-java's
 * framing, for reading container logs frame by frame.
 */
public record DockerClients(DockerClient api, DockerClient streams, DockerHttpClient streamTransport) {
}
