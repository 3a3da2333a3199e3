package dev.slipway.docker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code debian:trixie-slim}, the one image Slipway needs from outside: pulled when missing, or,
 * where no registry serves it, made with debootstrap as scripts/offline-base-image.sh does.
 */
class BaseImage {

	static final String BASE_IMAGE = "debian:trixie-slim";

	private static final Logger log = LoggerFactory.getLogger(BaseImage.class);

	private final DockerClients docker;

	BaseImage(DockerClients docker) {
		this.docker = docker;
	}

	/** The id of the base image, pulled or made offline when missing. */
	String id() {
		return imageId(BASE_IMAGE).orElseGet(() -> {
			log.info("Pulling {}", BASE_IMAGE);
			try {
				docker.streams()
					.pullImageCmd("debian")
					.withTag("trixie-slim")
					.exec(new PullImageResultCallback())
					.awaitCompletion(5, TimeUnit.MINUTES);
			}
			catch (RuntimeException ex) {
				log.debug("Pulling {} failed", BASE_IMAGE, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return imageId(BASE_IMAGE).or(this::makeBaseImageOffline)
				.orElseThrow(() -> new StartupFailure(
						"The base image " + BASE_IMAGE + " is missing, no registry could serve it, and making it "
								+ "with debootstrap failed (see the output above).",
						"Make it by hand with scripts/offline-base-image.sh (as root; it needs debootstrap and "
								+ "Debian's package mirror), or run `docker pull " + BASE_IMAGE + "` where Docker Hub is reachable."));
		});
	}

	/** Without a registry, debootstrap a minimal trixie and import it, as scripts/offline-base-image.sh does. */
	private Optional<String> makeBaseImageOffline() {
		log.info("No registry serves {}: making it with debootstrap (about 30 s)", BASE_IMAGE);
		try (var script = getClass().getResourceAsStream("/scripts/offline-base-image.sh")) {
			Process process = new ProcessBuilder("bash", "-s", BASE_IMAGE).redirectErrorStream(true).start();
			try (var stdin = process.getOutputStream()) {
				script.transferTo(stdin);
			}
			new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
				.lines()
				.forEach(line -> log.info("[base image] {}", line));
			if (process.waitFor() != 0) {
				return Optional.empty();
			}
		}
		catch (IOException ex) {
			log.warn("Cannot run the offline base image script: {}", ex.getMessage());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		return imageId(BASE_IMAGE);
	}

	private Optional<String> imageId(String reference) {
		return docker.image(reference).map(InspectImageResponse::getId);
	}

}
