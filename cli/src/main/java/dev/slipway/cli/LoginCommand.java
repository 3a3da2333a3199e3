package dev.slipway.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slipway login [URL]}: email and password for a new API token, kept in {@code ~/.netrc} so
 * that {@code git push} finds it too.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
		description = { "Log in with email and password; the API token is kept in ~/.netrc, where git finds it too.",
				"Without a terminal, reads the email (unless --email) and the password from stdin, one a line." })
final class LoginCommand extends ApiCommand {

	/** An email or password longer than this is not one: stdin may be a file that is not. */
	private static final int MAX_LINE = 4096;

	@Parameters(index = "0", arity = "0..1", paramLabel = "URL",
			description = "The Slipway to log in to (default: the last one).")
	String url;

	@Option(names = { "-e", "--email" }, description = "The account's email.")
	String email;

	@Option(names = { "-i", "--interactive" }, description = "Ask for email and password (the only way; accepted as Heroku's).")
	boolean interactive;

	@Override
	void run(Settings settings) {
		URI base = url == null ? settings.url() : Settings.normalized(url);
		Console console = System.console();
		BufferedReader stdin = console == null
				? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)) : null;
		String login = email;
		if (login == null || login.isBlank()) {
			login = console != null ? console.readLine("Email: ") : readLine(stdin, "an email");
		}
		char[] typed = console != null ? console.readPassword("Password: ") : null;
		String password = console != null ? (typed == null ? "" : new String(typed)) : readLine(stdin, "a password");
		if (login == null || login.isBlank() || password.isEmpty()) {
			throw new CliException("Give an email and a password to log in.");
		}
		JsonNode token = Api.withPassword(base, login.strip(), password)
			.post(Api.path("tokens"), Map.of("name", "slipway CLI on " + hostname()));
		String secret = token.path("token").asString();
		settings.netrc().put(base.getHost(), login.strip(), secret);
		Settings.Config config = settings.config();
		settings.save(new Settings.Config(base.toString(),
				base.toString().equals(config.url()) ? config.gitHosts() : List.of()));
		// The apps' remotes may name Slipway's HTTPS address rather than this one: git finds the token there too.
		Api.withToken(base, secret)
			.get(Api.path("apps"))
			.forEach(app -> settings.rememberGitHost(base, URI.create(app.path("git_url").asString())));
		out().line("Logged in to " + base + " as " + login.strip());
	}

	private static String readLine(BufferedReader stdin, String what) {
		try {
			String line = stdin.readLine();
			if (line == null) {
				throw new CliException("No terminal and no " + what + " on stdin; run slipway login in a terminal.");
			}
			if (line.length() > MAX_LINE) {
				throw new CliException("The line given as " + what + " is longer than " + MAX_LINE + " characters.");
			}
			return line;
		}
		catch (IOException ex) {
			throw new CliException("Cannot read " + what + " from stdin: " + ex.getMessage());
		}
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "this computer";
		}
	}

}
