package dev.slipway.cli;

import java.net.URI;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;

/** {@code slipway logout}: revokes the CLI's token and removes it from {@code ~/.netrc}. */
@Command(name = "logout", mixinStandardHelpOptions = true,
		description = "Revoke the CLI's API token and remove it from ~/.netrc.")
final class LogoutCommand extends ApiCommand {

	@Override
	void run(Settings settings) {
		URI base = settings.url();
		settings.netrc().find(base.getHost()).map(Netrc.Entry::password).ifPresent(token -> revoke(base, token));
		settings.netrc().remove(base.getHost());
		settings.gitHosts(base).forEach(host -> settings.netrc().remove(host));
		out().line("Logged out of " + base);
	}

	/** Revokes the token on the server; one it already refuses has nothing left to revoke. */
	private static void revoke(URI base, String token) {
		Api api = Api.withToken(base, token);
		try {
			for (JsonNode summary : api.get(Api.path("tokens"))) {
				String prefix = summary.path("prefix").asString("");
				if (!prefix.isEmpty() && token.startsWith(prefix)) {
					api.delete(Api.path("tokens", summary.path("id").asString()));
					return;
				}
			}
		}
		catch (ApiException ex) {
			if (ex.status() != 401) {
				throw ex;
			}
		}
	}

}
