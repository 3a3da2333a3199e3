package dev.slipway.docker;

import java.util.Optional;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;

/**
 * The Docker clients Slipway uses: {@code api} answers within a response timeout and is for
 * ordinary calls; {@code streams} has no response timeout and is for long streams (events, image
 * builds, one-off dynos); {@code streamTransport} is the same connection without docker-java's
 * framing, for reading container logs frame by frame.
 */
public record DockerClients(DockerClient api, DockerClient streams, DockerHttpClient streamTransport) {

	/** The container's details, or empty when there is no such container. */
	public Optional<InspectContainerResponse> container(String nameOrId) {
		try {
			return Optional.of(api.inspectContainerCmd(nameOrId).exec());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/** The image's details, or empty when there is no such image. */
	public Optional<InspectImageResponse> image(String reference) {
		try {
			return Optional.of(api.inspectImageCmd(reference).exec());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

}
