package dev.slipway.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;

import org.springframework.stereotype.Component;

/** What the Docker Engine holds under an image reference, for checking a build's images before it starts. */
@Component
public class LocalImages {

	private final DockerClients docker;

	LocalImages(DockerClients docker) {
		this.docker = docker;
	}

	/**
	 * An image the engine holds: its id, labels, the {@code ONBUILD} triggers a build on it runs, and
	 * whether a registry served it (it has a repository digest) rather than a build on this engine.
	 */
	public record LocalImage(String id, Map<String, String> labels, List<String> onBuild, boolean pulled) {
	}

	public Optional<LocalImage> find(String reference) {
		return docker.image(reference).map(LocalImages::of);
	}

	/** Pulls the image; empty when that worked, else the engine's reason. */
	public Optional<String> pull(String reference, Duration timeout) {
		try {
			boolean done = docker.streams()
				.pullImageCmd(reference)
				.exec(new PullImageResultCallback())
				.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return done ? Optional.empty() : Optional.of("the pull took longer than " + timeout.toSeconds() + " s");
		}
		catch (DockerException | DockerClientException ex) {
			return Optional.of(ex.getMessage().strip());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.of("interrupted");
		}
	}

	private static LocalImage of(InspectImageResponse image) {
		var config = image.getConfig();
		Map<String, String> labels = config != null ? Objects.requireNonNullElse(config.getLabels(), Map.of()) : Map.of();
		List<String> onBuild = config != null && config.getOnBuild() != null ? List.of(config.getOnBuild()) : List.of();
		boolean pulled = image.getRepoDigests() != null && !image.getRepoDigests().isEmpty();
		return new LocalImage(image.getId(), labels, onBuild, pulled);
	}

}
