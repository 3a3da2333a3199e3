package dev.slipway.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.slipway.apps.AppService;
import dev.slipway.test.DockerCli;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic collection against the real Docker Engine: images of apps that no longer exist go, others
 * stay. (Pruning dangling images and the build cache concerns the whole engine, which the tests share.)
 */
class ImageCollectorIT {

	@Test
	void removesTheImagesOfAppsThatNoLongerExistAndKeepsTheOthers() throws IOException {
		SlipwayUnderTest slipway = SlipwayUnderTest.shared();
		String living = slipway.createApp("living");
		long livingId = slipway.bean(AppService.class)
			.all()
			.stream()
			.filter(app -> app.name().equals(living))
			.findFirst()
			.orElseThrow()
			.id();
		String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 6);
		String ghostImage = image(ghost, Long.MAX_VALUE);
		String livingImage = image(living, livingId);

		slipway.bean(ImageCollector.class).removeOrphans();

		assertThat(DockerCli.run("images", "-q", ghostImage).strip()).isEmpty();
		assertThat(DockerCli.run("images", "-q", livingImage).strip()).isNotEmpty();
		DockerCli.run("rmi", livingImage);
	}

	/** An image labelled as a build of the app would be, on the stack the shared Slipway has built. */
	private static String image(String app, long appId) throws IOException {
		Path context = Files.createTempDirectory("slipway-image-");
		Files.writeString(context.resolve("Dockerfile"), "FROM slipway/stack:trixie\nLABEL test=" + UUID.randomUUID() + "\n");
		String tag = SlipwayUnderTest.INSTANCE + "-app/" + app + ":build-1";
		DockerCli.run("build", "-q", "-t", tag, "--label", "dev.slipway.instance=" + SlipwayUnderTest.INSTANCE,
				"--label", "dev.slipway.app=" + app, "--label", "dev.slipway.app-id=" + appId, context.toString());
		return tag;
	}

}
