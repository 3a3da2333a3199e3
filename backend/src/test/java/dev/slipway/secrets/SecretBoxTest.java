package dev.slipway.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.slipway.instance.InstanceSettings;
import dev.slipway.instance.StartupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

	@TempDir
	Path dataDir;

	@Test
	void encryptsWithAFreshNonceAndDecryptsWithTheSameKey() throws Exception {
		SecretBox box = new SecretBox(instance(), "");
		String sealed = box.encrypt("a=b#c \"q\" $HOME ✓\n");
		assertThat(sealed).startsWith("v1:").doesNotContain("HOME");
		assertThat(box.encrypt("same")).isNotEqualTo(box.encrypt("same"));
		assertThat(new SecretBox(instance(), "").decrypt(sealed)).isEqualTo("a=b#c \"q\" $HOME ✓\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secret.key"))))
			.isEqualTo("rw-------");
	}

	@Test
	void aDifferentKeyCannotRead() {
		String sealed = new SecretBox(instance(), "").encrypt("secret");
		SecretBox other = new SecretBox(instance(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
		assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("secret key differs");
		assertThatThrownBy(() -> new SecretBox(instance(), "too-short")).isInstanceOf(StartupFailure.class);
	}

	private InstanceSettings instance() {
		return new InstanceSettings("test", dataDir, null);
	}

}
