package dev.slipway.cli;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import picocli.CommandLine.Option;

/**
 * {@code -a/--app} and {@code -r/--remote}, as Heroku has them. Without either, the app is the one the
 * git remotes of the current repository point at on this Slipway; a remote named {@code slipway} wins
 * when remotes name several apps.
 */
final class AppOption {

	static final String DEFAULT_REMOTE = "slipway";

	@Option(names = { "-a", "--app" }, paramLabel = "APP", description = "The app (default: from the git remote that points at this Slipway).")
	String app;

	@Option(names = { "-r", "--remote" }, paramLabel = "REMOTE", description = "The git remote whose app to use.")
	String remote;

	/** The app to act on, or a failure that says how to name one. */
	String resolve(Settings settings) {
		if (app != null && !app.isBlank()) {
			return app.strip();
		}
		URI url = settings.url();
		Map<String, String> apps = GitRemotes.here().apps(settings.gitHosts(url));
		if (remote != null) {
			String named = apps.get(remote);
			if (named == null) {
				throw new CliException("The git remote " + remote + " does not point at an app on " + url
						+ "; pass -a APP, or run: slipway git:remote -a APP -r " + remote);
			}
			return named;
		}
		Set<String> names = new TreeSet<>(apps.values());
		if (names.size() == 1) {
			return names.iterator().next();
		}
		if (names.isEmpty()) {
			throw new CliException("No app given, and no git remote here points at an app on " + url
					+ ". Pass -a APP, or add the remote in your repository with: slipway git:remote -a APP");
		}
		if (apps.containsKey(DEFAULT_REMOTE)) {
			return apps.get(DEFAULT_REMOTE);
		}
		throw new CliException("The git remotes here point at several apps (" + String.join(", ", names)
				+ "); pass -a APP or -r REMOTE.");
	}

}
