package dev.slipway.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/** Renders the nginx routes of every app: hostnames, upstreams, or the page that says why there are none. */
final class RouteTable {

	private static final Template TEMPLATE = template();

	private RouteTable() {
	}

	static String render(long generation, RouterSettings settings, Map<String, Route> routes,
			Map<String, List<String>> hostnames) {
		List<Map<String, Object>> apps = new ArrayList<>();
		List<Map<String, Object>> dynos = new ArrayList<>();
		// nginx refuses a map that names an address twice, which two routes can for a moment: a
		// crashed dyno's address taken by a new container before the crash reached its app's route.
		Set<String> addresses = new HashSet<>();
		new TreeMap<>(routes).forEach((app, route) -> {
			boolean serving = route.state() == Route.State.SERVING;
			apps.add(Map.of("name", app, "state", route.state().name().toLowerCase(), "serving", serving,
					"hostnames", String.join(" ", hostnames.getOrDefault(app, List.of())), "upstreams",
					route.upstreams(), "title", title(route.state()), "message", message(app, route.state())));
			route.upstreams()
				.stream()
				.filter(upstream -> addresses.add(upstream.address()))
				.forEach(upstream -> dynos.add(Map.of("address", upstream.address(), "dyno", upstream.dyno())));
		});
		return TEMPLATE.execute(Map.of("generation", generation, "port", settings.port(), "connectTimeout",
				settings.connectTimeout().toSeconds(), "readTimeout", settings.readTimeout().toSeconds(), "apps", apps,
				"dynos", dynos));
	}

	private static String title(Route.State state) {
		return switch (state) {
			case SERVING -> "";
			case NOT_DEPLOYED -> "Nothing deployed yet";
			case NO_WEB_DYNOS -> "No web dynos running";
			case CRASHED -> "Application error";
		};
	}

	private static String message(String app, Route.State state) {
		return switch (state) {
			case SERVING -> "";
			case NOT_DEPLOYED -> app + " exists but nothing has been pushed to it yet.";
			case NO_WEB_DYNOS -> app + " runs no web dyno: scale web above 0 to serve requests.";
			case CRASHED -> app + " crashed and is restarting. Its logs tell why.";
		};
	}

	private static Template template() {
		try (InputStream in = RouteTable.class.getResourceAsStream("/router/routes.conf.mustache")) {
			return Mustache.compiler().escapeHTML(false).compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
