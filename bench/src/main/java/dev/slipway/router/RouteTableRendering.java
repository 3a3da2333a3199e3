package dev.slipway.router;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scale benchmark's way to the router's renderer alone, without nginx: in the router's package,
 * as the router's own tests are, because the renderer is the router's internal.
 */
public final class RouteTableRendering {

	private RouteTableRendering() {
	}

	/** The nginx config the router would install for these routes, each app at its default hostname. */
	public static String render(RouterSettings settings, Map<String, Route> routes) {
		Map<String, List<String>> hostnames = routes.keySet()
			.stream()
			.collect(Collectors.toMap(app -> app, app -> List.of(app + "." + settings.baseDomain())));
		return RouteTable.render(System.currentTimeMillis(), settings,
				new Routing(routes, Map.of(), hostnames, Map.of(), Map.of(), 0, Set.of()));
	}

}
