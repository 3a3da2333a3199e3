package dev.slipway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {

	private static final String LINE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBjQnJ0e3mDXrXmXnVn1x0uVfZ0j5gW0l3mU8sqQ2Yk9 me@laptop";

	@TempDir
	Path directory;

	@Test
	void readsTheOneKeyLineOfAPublicKeyFile() throws IOException {
		Path file = Files.writeString(directory.resolve("id_ed25519.pub"), LINE + "\n");

		assertThat(KeysAddCommand.publicKey(file)).isEqualTo(LINE);
	}

	@Test
	void refusesAPrivateKeyBeforeSendingAnything() throws IOException {
		Path file = Files.writeString(directory.resolve("id_ed25519"),
				"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n");

		assertThatThrownBy(() -> KeysAddCommand.publicKey(file)).isInstanceOf(CliException.class)
			.hasMessageContaining("is a private key")
			.hasMessageContaining("id_ed25519.pub")
			.hasMessageNotContaining("b3BlbnNzaC1rZXktdjEAAAAA");
	}

	@Test
	void refusesFilesWithSeveralKeysOrTooLarge() throws IOException {
		Path several = Files.writeString(directory.resolve("authorized_keys"), LINE + "\n" + LINE + "\n");
		Path large = Files.writeString(directory.resolve("large.pub"), "x".repeat(KeysAddCommand.MAX_FILE_BYTES + 1));

		assertThatThrownBy(() -> KeysAddCommand.publicKey(several)).hasMessageContaining("holds 2 keys");
		assertThatThrownBy(() -> KeysAddCommand.publicKey(large)).hasMessageContaining("too large for a public key");
	}

	@Test
	void abbreviatesKeysAsHerokuDoes() {
		assertThat(KeysCommand.abbreviated(LINE)).isEqualTo("ssh-ed25519 AAAAC3NzaC...mU8sqQ2Yk9");
	}

}
