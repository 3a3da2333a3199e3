package dev.slipway.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerOnlyTest {

	@TempDir
	Path temp;

	@Test
	void createsTheDataDirectoryAndItsSecretsForTheOwnerOnly() {
		InstanceSettings settings = new InstanceSettings("slipway", temp.resolve("data/nested"), null);
		settings.secret("secret.key", () -> "s3cret");

		assertThat(permissions(temp.resolve("data"))).isEqualTo("rwx------");
		assertThat(permissions(temp.resolve("data/nested"))).isEqualTo("rwx------");
		assertThat(permissions(temp.resolve("data/nested/secret.key"))).isEqualTo("rw-------");
	}

	@Test
	void tightensWhatIsAlreadyThereWithoutFollowingLinks() throws IOException {
		Path data = Files.createDirectories(temp.resolve("data/git/app.git/objects"));
		Path object = Files.writeString(data.resolve("pack"), "x");
		Path hook = Files.writeString(temp.resolve("data/git/app.git/hook"), "#!/bin/sh");
		Files.setPosixFilePermissions(object, PosixFilePermissions.fromString("rw-r--r--"));
		Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path outside = Files.writeString(temp.resolve("outside"), "not Slipway's");
		Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
		Files.createSymbolicLink(temp.resolve("data/link"), outside);

		OwnerOnly.tighten(temp.resolve("data"));

		assertThat(permissions(temp.resolve("data"))).isEqualTo("rwx------");
		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(permissions(object)).isEqualTo("rw-------");
		assertThat(permissions(hook)).isEqualTo("rwx------");
		assertThat(permissions(outside)).isEqualTo("rw-r--r--");
	}

	private static String permissions(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
