package dev.slipway.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Where each app's requests go. Holds the route of every app and, on each change, renders all
 * routes for nginx and installs them with a graceful reload, returning once nginx serves them. The
 * first install waits for the runtime to report every app, so a restart never serves a partial table.
 * A deploy has the routes it is about to switch to checked while its dynos boot ({@link #prepare}).
 */
@Component
public class Router {

	private static final Logger log = LoggerFactory.getLogger(Router.class);

	private final RouterContainer container;

	private final RouterSettings settings;

	private final Domains domains;

	private final AppService apps;

	private final Map<String, Route> routes = new HashMap<>();

	private long generation = System.currentTimeMillis();

	private boolean initialised;

	/** Routes nginx has checked, to be installed as generation {@code generation}. */
	private Prepared prepared;

	Router(RouterContainer container, RouterSettings settings, Domains domains, AppService apps) {
		this.container = container;
		this.settings = settings;
		this.domains = domains;
		this.apps = apps;
	}

	/** Starts the router container if needed and installs the routes of every app at once. */
	public synchronized void initialise(Map<String, Route> allRoutes) {
		container.ensureRunning();
		routes.clear();
		routes.putAll(allRoutes);
		try {
			install();
		}
		catch (IllegalStateException ex) {
			throw new StartupFailure("The router (nginx) does not serve: " + ex.getMessage(),
					"If another program (or another Slipway) uses port " + settings.port()
							+ ", set SLIPWAY_ROUTER_PORT to a free port, or stop that program. `docker logs "
							+ container.name() + "` shows the router's side.");
		}
		initialised = true;
	}

	/**
	 * Has nginx check the routes as they will be once {@code app} has {@code route} (its new dynos up,
	 * say), while they boot, so that {@link #update} to it only has to put them in place. Nothing
	 * changes for requests; a failed check only means the update does the whole install.
	 */
	public synchronized void prepare(String app, Route route) {
		if (!initialised || route.equals(routes.get(app))) {
			return;
		}
		Map<String, Route> next = new HashMap<>(routes);
		next.put(app, route);
		String config = RouteTable.render(generation + 1, settings, next, hostnames(next));
		long started = System.nanoTime();
		try {
			container.check(config);
			prepared = new Prepared(generation + 1, config);
			log.debug("Checked the routes of generation {} ahead in {} ms", generation + 1,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.warn("Checking the routes ahead of a deploy failed; the deploy installs them in full: {}", ex.getMessage());
		}
	}

	/** Changes one app's route; returns when nginx serves it. */
	public synchronized void update(String app, Route route) {
		if (route.equals(routes.put(app, route)) || !initialised) {
			return;
		}
		install();
	}

	public synchronized void remove(String app) {
		if (routes.remove(app) != null && initialised) {
			install();
		}
	}

	/** The address an app answers at. */
	public String url(String app) {
		return settings.url(app);
	}

	synchronized void hostnamesChanged() {
		if (initialised) {
			install();
		}
	}

	/**
	 * Renders and installs the routes; the quick way when nginx checked exactly this configuration and
	 * nothing was installed since.
	 */
	private void install() {
		generation++;
		String config = RouteTable.render(generation, settings, routes, hostnames(routes));
		Prepared checked = prepared;
		prepared = null;
		long started = System.nanoTime();
		boolean quick = checked != null && checked.generation() == generation && checked.config().equals(config);
		try {
			if (quick) {
				container.installChecked(config, generation);
			}
			else {
				container.install(config, generation);
			}
			log.debug("Installed the routes of generation {} ({}) in {} ms", generation, quick ? "checked ahead" : "in full",
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.error("The router did not take the new routes; it keeps serving the previous ones", ex);
			throw ex;
		}
	}

	private Map<String, List<String>> hostnames(Map<String, Route> table) {
		Map<String, List<String>> hostnames = new HashMap<>();
		for (String app : table.keySet()) {
			hostnames.put(app, new ArrayList<>(List.of(app + "." + settings.baseDomain())));
		}
		Map<Long, String> names = new HashMap<>();
		for (App app : apps.all()) {
			names.put(app.id(), app.name());
		}
		for (Domain domain : domains.findAll()) {
			String app = names.get(domain.appId());
			if (app != null && hostnames.containsKey(app)) {
				hostnames.get(app).add(domain.hostname());
			}
		}
		return hostnames;
	}

	private record Prepared(long generation, String config) {
	}

}
