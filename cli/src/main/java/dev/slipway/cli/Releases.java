package dev.slipway.cli;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The releases the release verbs share: the list, and which one is current. */
final class Releases {

	/** Enough releases to find the current one and the one before it; the API keeps them newest first. */
	private static final int RECENT = 100;

	private Releases() {
	}

	static JsonNode recent(Api api, String app, int limit) {
		return api.get(Api.query(Api.path("apps", app, "releases"), Map.of("limit", limit)));
	}

	/** The current release's version, or a failure when the app was never released. */
	static int current(Api api, String app) {
		for (JsonNode release : recent(api, app, RECENT)) {
			if (release.path("current").asBoolean()) {
				return release.path("version").asInt();
			}
		}
		throw new CliException(app + " has no current release: deploy it with git push first.");
	}

	/** The newest successful release older than the current one: what {@code rollback} goes back to. */
	static int previous(Api api, String app) {
		int current = current(api, app);
		for (JsonNode release : recent(api, app, RECENT)) {
			int version = release.path("version").asInt();
			if (version < current && release.path("status").asString().equals("succeeded")) {
				return version;
			}
		}
		throw new CliException(app + " has no earlier successful release to roll back to; name one: slipway rollback vN");
	}

}
