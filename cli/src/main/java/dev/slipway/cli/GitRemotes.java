package dev.slipway.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The git remotes of the repository the CLI runs in, read with the {@code git} command itself so that
 * includes, worktrees and {@code GIT_DIR} work as they do for git.
 */
final class GitRemotes {

	/** An app's git URL on a Slipway: {@code https://host/git/<app>.git}. */
	private static final Pattern APP_URL = Pattern.compile("^https?://(?:[^@/]*@)?([^/:]+)(?::\\d+)?/git/([^/]+)\\.git/?$");

	private static final Pattern REMOTE_LINE = Pattern.compile("^remote\\.(.+)\\.url (.+)$");

	private final Path directory;

	GitRemotes(Path directory) {
		this.directory = directory;
	}

	static GitRemotes here() {
		return new GitRemotes(Path.of("").toAbsolutePath());
	}

	/** Remote name to URL; empty outside a repository or without git. */
	Map<String, String> remotes() {
		Map<String, String> remotes = new LinkedHashMap<>();
		Optional<String> output = git("config", "--get-regexp", "^remote\\..*\\.url$");
		for (String line : output.orElse("").split("\n")) {
			Matcher matcher = REMOTE_LINE.matcher(line.strip());
			if (matcher.matches()) {
				remotes.put(matcher.group(1), matcher.group(2));
			}
		}
		return remotes;
	}

	/** Remote name to app name, for the remotes whose URL is an app's git URL on one of these hosts. */
	Map<String, String> apps(Set<String> hosts) {
		Map<String, String> apps = new LinkedHashMap<>();
		remotes().forEach((remote, url) -> {
			Matcher matcher = APP_URL.matcher(url);
			if (matcher.matches() && hosts.contains(matcher.group(1).toLowerCase())) {
				apps.put(remote, matcher.group(2));
			}
		});
		return apps;
	}

	/** Adds a remote, or points an existing one at this URL; false outside a git repository. */
	boolean set(String remote, URI url) {
		if (git("rev-parse", "--git-dir").isEmpty()) {
			return false;
		}
		boolean exists = remotes().containsKey(remote);
		if (git("remote", exists ? "set-url" : "add", remote, url.toString()).isEmpty()) {
			throw new CliException("git could not " + (exists ? "change" : "add") + " the remote " + remote + ".");
		}
		return true;
	}

	private Optional<String> git(String... arguments) {
		String[] command = new String[arguments.length + 1];
		command[0] = "git";
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readNBytes(1024 * 1024), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.empty();
			}
			return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted.");
		}
	}

}
