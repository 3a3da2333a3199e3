package dev.slipway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import org.springframework.stereotype.Component;

/**
 * Whether an image runs as root: no USER, USER root or 0, or a user name its own /etc/passwd gives
 * uid 0 (any Dockerfile, or an install script run as root during a build, can add one). A name is
 * looked up once per image, in a container created (never started) to read the file; an image
 * whose file cannot be read as a plain file counts as root.
 */
@Component
class ImageUsers {

	/** An /etc/passwd is a few kB; the image's author controls it, so it is read only this far. */
	private static final int MAX_PASSWD_BYTES = 1 << 20;

	private static final int CACHED_LOOKUPS = 256;

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final Map<String, Boolean> rootNames = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > CACHED_LOOKUPS;
		}

	});

	ImageUsers(DockerClients docker, InstanceSettings instance) {
		this.docker = docker;
		this.instance = instance;
	}

	boolean runsAsRoot(String image) {
		InspectImageResponse inspected = docker.api().inspectImageCmd(image).exec();
		String user = inspected.getConfig().getUser();
		if (namesRoot(user)) {
			return true;
		}
		String name = user.strip().split(":", 2)[0];
		if (name.chars().allMatch(Character::isDigit)) {
			return false;
		}
		return rootNames.computeIfAbsent(inspected.getId() + " " + name, key -> passwdGivesUidZero(image, name));
	}

	/** Whether a USER means root by itself: none, or root or uid 0, with any group. */
	static boolean namesRoot(String imageUser) {
		if (imageUser == null || imageUser.isBlank()) {
			return true;
		}
		String user = imageUser.strip().split(":", 2)[0];
		return user.equals("root") || user.matches("0+");
	}

	/** Whether {@code passwd} gives {@code name} uid 0, or does not name it (Docker would not run it as asked). */
	static boolean uidZero(String passwd, String name) {
		return passwd.lines()
			.map(line -> line.split(":", -1))
			.filter(fields -> fields.length > 2 && fields[0].equals(name))
			.findFirst()
			.map(fields -> fields[2].strip().equals("0"))
			.orElse(true);
	}

	private boolean passwdGivesUidZero(String image, String name) {
		String probe = docker.api()
			.createContainerCmd(image)
			// Never started; a command only because Docker refuses to create a container of an image without one.
			.withEntrypoint("/bin/true")
			.withNetworkDisabled(true)
			.withLabels(Map.of(SlipwayLabels.INSTANCE, instance.name()))
			.exec()
			.getId();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				docker.api().copyArchiveFromContainerCmd(probe, "/etc/passwd").exec())) {
			TarArchiveEntry entry = tar.getNextEntry();
			if (entry == null || !entry.isFile()) {
				return true;
			}
			return uidZero(new String(tar.readNBytes(MAX_PASSWD_BYTES), StandardCharsets.UTF_8), name);
		}
		catch (NotFoundException ex) {
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading /etc/passwd of " + image + " failed", ex);
		}
		finally {
			docker.api().removeContainerCmd(probe).withForce(true).exec();
		}
	}

}
