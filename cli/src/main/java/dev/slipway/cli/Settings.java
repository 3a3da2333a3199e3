package dev.slipway.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;

/**
 * Where the CLI keeps what it knows: the Slipway URL in {@code ~/.config/slipway/config.json} (or
 * {@code $XDG_CONFIG_HOME/slipway}), the token in {@code ~/.netrc}. {@code SLIPWAY_URL} and
 * {@code SLIPWAY_API_KEY} override both, for scripts and CI.
 */
final class Settings {

	static final String URL_VARIABLE = "SLIPWAY_URL";

	static final String TOKEN_VARIABLE = "SLIPWAY_API_KEY";

	private static final long MAX_CONFIG_BYTES = 64 * 1024;

	/** What the config file holds: the Slipway URL, and the hosts its git remotes use when they differ from it. */
	record Config(String url, List<String> gitHosts) {

		Config {
			gitHosts = gitHosts == null ? List.of() : List.copyOf(gitHosts);
		}

	}

	private final Map<String, String> environment;

	private final Path home;

	Settings(Map<String, String> environment, Path home) {
		this.environment = environment;
		this.home = home;
	}

	/** The user's settings, from {@code $HOME} as git and curl find theirs (Java's user.home ignores it). */
	static Settings current() {
		String home = System.getenv("HOME");
		return new Settings(System.getenv(),
				Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home));
	}

	/** The browser {@code open} starts, as {@code $BROWSER} names it; null for the desktop's own. */
	String browser() {
		return environment.get("BROWSER");
	}

	/** The user's home directory, where ~/.ssh is too. */
	Path home() {
		return home;
	}

	Netrc netrc() {
		return new Netrc(home.resolve(".netrc"));
	}

	Path configFile() {
		String xdg = environment.get("XDG_CONFIG_HOME");
		Path base = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
		return base.resolve("slipway").resolve("config.json");
	}

	Config config() {
		Path file = configFile();
		try {
			if (!Files.exists(file)) {
				return new Config(null, List.of());
			}
			if (Files.size(file) > MAX_CONFIG_BYTES) {
				throw new CliException(file + " is larger than 64 KiB; remove it and run: slipway login URL");
			}
			return Api.JSON.readValue(file.toFile(), Config.class);
		}
		catch (IOException | JacksonException ex) {
			throw new CliException("Cannot read " + file + " (" + ex.getMessage()
					+ "); remove it and run: slipway login URL");
		}
	}

	void save(Config config) {
		Path file = configFile();
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
		}
		catch (IOException ex) {
			throw new CliException("Cannot write " + file + ": " + ex.getMessage());
		}
	}

	/** The Slipway to talk to; fails with what to do when none was ever given. */
	URI url() {
		String url = environment.get(URL_VARIABLE);
		if (url == null || url.isBlank()) {
			url = config().url();
		}
		if (url == null || url.isBlank()) {
			throw new CliException("No Slipway yet: run slipway login URL (or set " + URL_VARIABLE + ").");
		}
		return normalized(url);
	}

	/** The token for the Slipway at {@code url}; fails with what to do when the user never logged in. */
	String token(URI url) {
		String token = environment.get(TOKEN_VARIABLE);
		if (token != null && !token.isBlank()) {
			return token.strip();
		}
		return netrc().find(url.getHost())
			.map(Netrc.Entry::password)
			.filter(password -> !password.isBlank())
			.orElseThrow(() -> new CliException(
					"Not logged in to " + url + ": run slipway login (or set " + TOKEN_VARIABLE + ")."));
	}

	Api api() {
		URI url = url();
		return Api.withToken(url, token(url));
	}

	/** The hosts whose git remotes belong to this Slipway: its own, and those its apps' git URLs named. */
	Set<String> gitHosts(URI url) {
		Set<String> hosts = new LinkedHashSet<>();
		hosts.add(url.getHost().toLowerCase());
		config().gitHosts().forEach(host -> hosts.add(host.toLowerCase()));
		return hosts;
	}

	/**
	 * Makes git find the token for an app's git URL too when it names another host than the API (Slipway's
	 * HTTPS address), and remembers that host so the app can be found from its remote.
	 */
	void rememberGitHost(URI url, URI gitUrl) {
		String host = gitUrl.getHost();
		if (host == null || host.equalsIgnoreCase(url.getHost())) {
			return;
		}
		netrc().find(url.getHost()).ifPresent(entry -> netrc().put(host, entry.login(), entry.password()));
		Config config = config();
		if (!config.gitHosts().contains(host)) {
			List<String> hosts = new ArrayList<>(config.gitHosts());
			hosts.add(host);
			save(new Config(config.url(), hosts));
		}
	}

	/** A URL as the user typed it ({@code slipway.example.com}, {@code http://localhost:8080/}) made absolute and without a trailing path. */
	static URI normalized(String url) {
		String text = url.strip();
		if (!text.contains("://")) {
			text = "https://" + text;
		}
		URI uri;
		try {
			uri = URI.create(text);
		}
		catch (IllegalArgumentException ex) {
			throw new CliException("'" + url + "' is not a URL; give Slipway's address, like https://slipway.example.com");
		}
		if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
			throw new CliException("'" + url + "' is not an http or https URL; give Slipway's address, like https://slipway.example.com");
		}
		return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
	}

}
