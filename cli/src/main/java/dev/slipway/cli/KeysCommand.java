package dev.slipway.cli;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway keys}: the SSH public keys the user pushes with. */
@Command(name = "keys", mixinStandardHelpOptions = true,
		description = "List your SSH keys, with which git push over SSH signs in.")
final class KeysCommand extends ApiCommand {

	@Mixin
	JsonOption json;

	@Option(names = { "-l", "--long" }, description = "Show each key whole.")
	boolean whole;

	@Override
	void run(Settings settings) {
		JsonNode keys = settings.api().get(Api.path("keys"));
		if (json.printed(out(), keys)) {
			return;
		}
		if (keys.isEmpty()) {
			out().line("You have no SSH keys. Add yours with: slipway keys:add");
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		keys.forEach(key -> {
			String line = key.path("public_key").asString();
			rows.add(List.of(key.path("name").asString(), key.path("fingerprint").asString(),
					whole ? line : abbreviated(line), key.path("created_at").asString()));
		});
		out().table(List.of("Name", "Fingerprint", "Key", "Added"), rows);
	}

	/** A key as Heroku shows one: its type and the ends of its data, {@code ssh-ed25519 AAAAC3NzaC...0YWrZk}. */
	static String abbreviated(String line) {
		String[] parts = line.split(" ", 3);
		if (parts.length < 2 || parts[1].length() <= 20) {
			return line;
		}
		return parts[0] + " " + parts[1].substring(0, 10) + "..." + parts[1].substring(parts[1].length() - 10);
	}

}
