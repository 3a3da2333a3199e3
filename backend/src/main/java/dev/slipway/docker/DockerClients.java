package dev.slipway.docker;

import java.util.Optional;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;

/**
 * The Docker clients Slipway uses: {@code api} answers within a response timeout and is for
 * ordinary calls; {@code streams} has no response timeout and is for long streams (events, image
 * builds, one-off dynos); {@code streamTransport} is the same connection without docker-java's
 * framing, for reading container logs frame by frame; {@code config} says which engine they reach.
 */
public record DockerClients(DockerClient api, DockerClient streams, DockerHttpClient streamTransport,
		DockerClientConfig config) {

	/**
	 * The streams client for one image build whose builder containers run in {@code cgroupParent}, so
	 * that cgroup's limits (a pids limit) bound them all; the streams client itself when null.
	 */
	public DockerClient builds(String cgroupParent) {
		if (cgroupParent == null) {
			return streams;
		}
		return DockerClientImpl.getInstance(config, new CgroupParentTransport(streamTransport, cgroupParent));
	}

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
