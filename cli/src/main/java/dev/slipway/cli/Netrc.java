package dev.slipway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ~/.netrc}, where git (through curl) finds a host's password: the CLI keeps its token there as
 * Heroku does, so {@code git push} to a Slipway asks nothing. Entries for other hosts, and anything the
 * CLI does not understand, are written back untouched.
 */
final class Netrc {

	/** A {@code ~/.netrc} larger than this is not a netrc anyone wrote by hand; the CLI refuses to rewrite it. */
	private static final long MAX_BYTES = 1024 * 1024;

	private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\S+");

	/** One {@code machine} entry: its place in the text, and its login and password. */
	record Entry(String machine, int start, int end, String login, String password) {
	}

	private final Path file;

	Netrc(Path file) {
		this.file = file;
	}

	/** The login and password stored for a host, if any. */
	Optional<Entry> find(String host) {
		return entries(read()).stream().filter(entry -> host.equalsIgnoreCase(entry.machine())).findFirst();
	}

	/** Stores a host's login and password, replacing any entry the host had. */
	void put(String host, String login, String password) {
		String text = without(read(), host);
		if (!text.isEmpty() && !text.endsWith("\n")) {
			text += "\n";
		}
		write(text + "machine " + host + "\n  login " + quoted(login) + "\n  password " + quoted(password) + "\n");
	}

	/** Removes a host's entry; true when there was one. */
	boolean remove(String host) {
		String text = read();
		String remaining = without(text, host);
		if (remaining.equals(text)) {
			return false;
		}
		write(remaining);
		return true;
	}

	private static String without(String text, String host) {
		StringBuilder remaining = new StringBuilder(text);
		List<Entry> entries = entries(text);
		for (int i = entries.size() - 1; i >= 0; i--) {
			Entry entry = entries.get(i);
			if (host.equalsIgnoreCase(entry.machine())) {
				remaining.delete(entry.start(), entry.end());
			}
		}
		return remaining.toString();
	}

	/**
	 * The {@code machine} entries of a netrc text; each runs from its {@code machine} word to the next
	 * {@code machine} or {@code default} word (or the end), so removing one leaves the others whole.
	 */
	static List<Entry> entries(String text) {
		List<int[]> words = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text);
		while (matcher.find()) {
			words.add(new int[] { matcher.start(), matcher.end() });
		}
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			if (!word(text, words.get(i)).equals("machine") || i + 1 >= words.size()) {
				continue;
			}
			String machine = word(text, words.get(i + 1));
			String login = null;
			String password = null;
			int next = i + 2;
			while (next < words.size() && !isEntryStart(word(text, words.get(next)))) {
				String key = word(text, words.get(next));
				String value = next + 1 < words.size() ? unquoted(word(text, words.get(next + 1))) : null;
				if (key.equals("login")) {
					login = value;
				}
				else if (key.equals("password")) {
					password = value;
				}
				next += 2;
			}
			int end = next < words.size() ? words.get(next)[0] : text.length();
			entries.add(new Entry(machine, words.get(i)[0], end, login, password));
			i = next - 1;
		}
		return entries;
	}

	private static boolean isEntryStart(String word) {
		return word.equals("machine") || word.equals("default") || word.equals("macdef");
	}

	private static String word(String text, int[] span) {
		return text.substring(span[0], span[1]);
	}

	private static String unquoted(String word) {
		if (word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")) {
			return word.substring(1, word.length() - 1).replaceAll("\\\\(.)", "$1");
		}
		return word;
	}

	private static String quoted(String value) {
		if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\')) {
			return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		return value;
	}

	private String read() {
		try {
			if (!Files.exists(file)) {
				return "";
			}
			if (Files.size(file) > MAX_BYTES) {
				throw new CliException(file + " is larger than 1 MiB; the CLI will not read or rewrite it.");
			}
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new CliException("Cannot read " + file + ": " + ex.getMessage());
		}
	}

	/** Writes through a private temporary file moved into place, so the file is never half written or readable by others. */
	private void write(String text) {
		try {
			// A ~/.netrc linked from a dotfiles folder stays a link: the file it points at is rewritten.
			Path file = Files.isSymbolicLink(this.file) ? this.file.toRealPath() : this.file;
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, ".netrc", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try {
				Files.writeString(temporary, text);
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new CliException("Cannot write " + file + ": " + ex.getMessage());
		}
	}

}
