package dev.slipway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway keys:add [FILE]}: uploads an SSH public key, so git can push over SSH with it. */
@Command(name = "keys:add", mixinStandardHelpOptions = true,
		description = "Add an SSH public key, to git push over SSH with it. Without FILE, the first of "
				+ "~/.ssh/id_ed25519.pub, ~/.ssh/id_ecdsa.pub and ~/.ssh/id_rsa.pub.")
final class KeysAddCommand extends ApiCommand {

	/** Where ssh-keygen puts keys, in the order ssh tries them. */
	static final List<String> DEFAULT_KEYS = List.of("id_ed25519.pub", "id_ecdsa.pub", "id_rsa.pub");

	/** Far above any public key file (an RSA key of 16384 bits is about 2.8 KB). */
	static final int MAX_FILE_BYTES = 16 * 1024;

	@Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The public key file (.pub).")
	Path file;

	@Option(names = "--name", description = "What to call the key; the key's comment (user@host) otherwise.")
	String name;

	@Override
	void run(Settings settings) {
		Path chosen = file != null ? file : defaultKey(settings.home().resolve(".ssh"));
		Map<String, String> body = new LinkedHashMap<>();
		body.put("public_key", publicKey(chosen));
		if (name != null) {
			body.put("name", name);
		}
		JsonNode key = settings.api().post(Api.path("keys"), body);
		out().line("Added the SSH key " + Output.oneLine(key.path("name").asString()) + " ("
				+ key.path("fingerprint").asString() + ") from " + chosen);
	}

	private static Path defaultKey(Path sshDirectory) {
		return DEFAULT_KEYS.stream()
			.map(sshDirectory::resolve)
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new CliException("No public key in " + sshDirectory + ". Make one with: ssh-keygen -t ed25519"
					+ " (then run slipway keys:add), or give the .pub file: slipway keys:add FILE"));
	}

	/** The one key line of a public key file; a private key is refused here and never sent. */
	static String publicKey(Path file) {
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes(MAX_FILE_BYTES + 1);
		}
		catch (IOException ex) {
			throw new CliException("Cannot read " + file + ": " + ex.getMessage());
		}
		if (bytes.length > MAX_FILE_BYTES) {
			throw new CliException(file + " is larger than " + MAX_FILE_BYTES / 1024
					+ " KiB, too large for a public key: give the .pub file ssh-keygen made.");
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.contains("PRIVATE KEY")) {
			throw new CliException(file + " is a private key, which stays on your machine: give its public half, "
					+ file.getFileName() + ".pub");
		}
		List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
		if (lines.size() != 1) {
			throw new CliException(file + " holds " + lines.size() + " keys; give a file with one, like ~/.ssh/id_ed25519.pub");
		}
		return lines.get(0);
	}

}
