package dev.slipway.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where each app's requests go. Holds the route of every app and installs them all in nginx with a
 * graceful reload. Changes share reloads: one made while a reload runs waits for the next, which
 * carries every change made meanwhile ({@link GroupCommit}), so that ten apps' changes at once cost
 * two reloads, not ten. Each change's {@link RouteChange#awaitServed} returns once nginx serves it.
 * The first install waits for the runtime to report every app, so a restart never serves a partial
 * table.
 */
@Component
public class Router implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Router.class);

	private final RouterContainer container;

	private final RouterSettings settings;

	private final Domains domains;

	private final AppService apps;

	private final HttpsSettings httpsSettings;

	private final GroupCommit<Routing> reloads;

	/** Each app's route as last asked for; guarded by {@link #reloads}. */
	private final Map<String, Route> routes = new HashMap<>();

	/** Each app's custom domains as last asked for; guarded by {@link #reloads}. */
	private final Map<String, List<String>> customDomains = new HashMap<>();

	/** The certificate of each hostname that has one; guarded by {@link #reloads}. */
	private final Map<String, TlsCertificate> certificates = new HashMap<>();

	/** Each app's HTTPS policy, where it is not the default; guarded by {@link #reloads}. */
	private final Map<String, HttpsPolicy> policies = new HashMap<>();

	/** The port of Slipway's own web server, 0 until it listens; guarded by {@link #reloads}. */
	private int controlPlanePort;

	/** The apps changed since the last reload started; guarded by {@link #reloads}. */
	private final Set<String> changed = new HashSet<>();

	private boolean initialised;

	/** What nginx serves, set once a reload took effect: a change to it needs no reload. */
	private volatile Map<String, Route> served = Map.of();

	private volatile Map<String, List<String>> servedDomains = Map.of();

	private volatile Map<String, TlsCertificate> servedCertificates = Map.of();

	private volatile Map<String, HttpsPolicy> servedPolicies = Map.of();

	/** The reloading thread's: the generation nginx serves, and its configuration. */
	private long generation = System.currentTimeMillis();

	private String installed;

	/** The reloading thread's: the certificate files the router container has. */
	private final Set<String> copiedCertificates = new HashSet<>();

	private final ObjectProvider<ServedCertificates> servedAtStart;

	Router(RouterContainer container, RouterSettings settings, Domains domains, HttpsSettings httpsSettings,
			AppService apps, ObjectProvider<ServedCertificates> servedAtStart, @Value("${server.port:0}") int serverPort) {
		this.servedAtStart = servedAtStart;
		// The configured port is the one the web server binds; a random one (0) is known once it listens.
		this.controlPlanePort = Math.max(serverPort, 0);
		this.container = container;
		this.settings = settings;
		this.domains = domains;
		this.httpsSettings = httpsSettings;
		this.apps = apps;
		this.reloads = new GroupCommit<>("slipway-router-reload", this::snapshot, this::reload, this::withdraw);
	}

	/** Starts the router container if needed and installs the routes of every app at once. */
	public void initialise(Map<String, Route> allRoutes) {
		container.ensureRunning();
		Map<String, List<String>> domainsByApp = domainsByApp();
		Map<String, HttpsPolicy> policiesByApp = policiesByApp();
		ServedCertificates served = servedAtStart.getIfAvailable();
		Map<String, TlsCertificate> certificatesByHostname = served == null ? Map.of() : served.valid();
		RouteChange first = new RouteChange(reloads.change(() -> {
			certificates.clear();
			certificates.putAll(certificatesByHostname);
			routes.clear();
			routes.putAll(allRoutes);
			customDomains.clear();
			customDomains.putAll(domainsByApp);
			policies.clear();
			policies.putAll(policiesByApp);
			changed.clear();
			initialised = true;
			return true;
		}));
		try {
			first.awaitServed();
		}
		catch (IllegalStateException ex) {
			throw new StartupFailure("The router (nginx) does not serve: " + ex.getMessage(),
					"If another program (or another Slipway) uses port " + settings.port()
							+ (settings.httpsEnabled() ? " or " + settings.httpsPort() : "")
							+ ", set SLIPWAY_ROUTER_PORT" + (settings.httpsEnabled() ? " or SLIPWAY_ROUTER_HTTPS_PORT" : "")
							+ " to a free port (SLIPWAY_ROUTER_HTTPS_PORT=0 turns HTTPS off), or stop that program. `docker logs "
							+ container.name() + "` shows the router's side.");
		}
	}

	/** Changes one app's route; {@link RouteChange#awaitServed} returns once nginx serves it. */
	public RouteChange update(String app, Route route) {
		return new RouteChange(reloads.change(() -> {
			Route previous = routes.put(app, route);
			changed.add(app);
			return initialised && !(route.equals(previous) && route.equals(served.get(app)));
		}));
	}

	/** Takes an app out of the router; {@link RouteChange#awaitServed} returns once nginx no longer routes it. */
	public RouteChange remove(String app) {
		return new RouteChange(reloads.change(() -> {
			Route previous = routes.remove(app);
			customDomains.remove(app);
			policies.remove(app);
			changed.add(app);
			return initialised && (previous != null || served.containsKey(app));
		}));
	}

	/** The address an app answers at: on HTTPS once the router serves a certificate for it. */
	public String url(String app) {
		String hostname = app + "." + settings.baseDomain();
		return settings.httpsEnabled() && servedCertificates.containsKey(hostname) ? settings.httpsUrl(hostname)
				: settings.url(app);
	}

	/** Sets an app's custom domains, read in the transaction that changed them. */
	RouteChange domainsChanged(String app, List<String> hostnames) {
		return new RouteChange(reloads.change(() -> {
			customDomains.put(app, List.copyOf(hostnames));
			changed.add(app);
			return initialised;
		}));
	}

	/** Sets an app's HTTPS policy, read in the transaction that changed it. */
	RouteChange httpsPolicyChanged(String app, HttpsPolicy policy) {
		return new RouteChange(reloads.change(() -> {
			policies.put(app, policy);
			changed.add(app);
			return initialised;
		}));
	}

	/**
	 * Sets the certificate of every hostname that has one (hostnames left out have none); returns at
	 * once when they are the ones installed already. A reload installs new certificates gracefully:
	 * requests in flight finish, new connections get the new certificate.
	 */
	public RouteChange certificates(Map<String, TlsCertificate> byHostname) {
		Map<String, TlsCertificate> wanted = Map.copyOf(byHostname);
		return new RouteChange(reloads.change(() -> {
			if (wanted.equals(certificates)) {
				return false;
			}
			certificates.clear();
			certificates.putAll(wanted);
			return initialised;
		}));
	}

	/** Once Slipway's web server listens, the router serves it at Slipway's hostname. */
	@EventListener
	void webServerStarted(WebServerInitializedEvent event) {
		controlPlane(event.getWebServer().getPort());
	}

	/** Serves Slipway's own web server, listening on {@code port} of this machine, at its hostname. */
	RouteChange controlPlane(int port) {
		return new RouteChange(reloads.change(() -> {
			boolean changes = port != controlPlanePort;
			controlPlanePort = port;
			return initialised && changes;
		}));
	}

	/** Serves an ACME HTTP-01 challenge's answer at {@code /.well-known/acme-challenge/<token>} on every hostname. */
	public void publishChallenge(String token, String keyAuthorization) {
		container.publishChallenge(token, keyAuthorization);
	}

	public void withdrawChallenge(String token) {
		container.withdrawChallenge(token);
	}

	public RouterSettings settings() {
		return settings;
	}

	@Override
	public void destroy() {
		reloads.close();
	}

	/** What the next reload installs: every route and hostname asked for so far. */
	private Routing snapshot() {
		Map<String, List<String>> hostnames = new HashMap<>();
		for (String app : routes.keySet()) {
			List<String> names = new ArrayList<>();
			names.add(app + "." + settings.baseDomain());
			names.addAll(customDomains.getOrDefault(app, List.of()));
			hostnames.put(app, names);
		}
		Routing routing = new Routing(Map.copyOf(routes), Map.copyOf(customDomains), hostnames,
				Map.copyOf(certificates), Map.copyOf(policies), controlPlanePort, Set.copyOf(changed));
		changed.clear();
		return routing;
	}

	/**
	 * After a failed reload, asks again for what nginx serves for each app the reload changed and
	 * nothing has changed since, so that a change nginx refuses fails once and not every later reload.
	 */
	private void withdraw(Routing failed) {
		if (certificates.equals(failed.certificates())) {
			certificates.clear();
			certificates.putAll(servedCertificates);
		}
		failed.changed().stream().filter(app -> !changed.contains(app)).forEach(app -> {
			Route route = served.get(app);
			if (route == null) {
				routes.remove(app);
			}
			else {
				routes.put(app, route);
			}
			List<String> domains = servedDomains.get(app);
			if (domains == null) {
				customDomains.remove(app);
			}
			else {
				customDomains.put(app, domains);
			}
			HttpsPolicy policy = servedPolicies.get(app);
			if (policy == null) {
				policies.remove(app);
			}
			else {
				policies.put(app, policy);
			}
		});
	}

	/**
	 * Renders and installs the routes. The first install after a start runs nginx's test and reload
	 * in the container, where the router may have only just started; later ones signal nginx's master.
	 */
	private void reload(Routing table) {
		generation++;
		String config = RouteTable.render(generation, settings, table);
		long started = System.nanoTime();
		try {
			if (installed == null) {
				copiedCertificates.clear();
			}
			List<TlsCertificate> missing = table.certificates()
				.values()
				.stream()
				.distinct()
				.filter(certificate -> !copiedCertificates.contains(certificate.fileName()))
				.toList();
			container.copyCertificates(missing);
			missing.forEach(certificate -> copiedCertificates.add(certificate.fileName()));
			if (installed == null) {
				container.install(config, generation);
			}
			else {
				container.reload(config, installed, generation);
			}
		}
		catch (RuntimeException ex) {
			log.error("The router did not take the routes of generation {} (changing {}); it keeps serving the previous ones",
					generation, table.changed(), ex);
			throw ex;
		}
		installed = config;
		served = table.routes();
		servedDomains = table.customDomains();
		servedCertificates = table.certificates();
		servedPolicies = table.policies();
		log.debug("Installed the routes of generation {} ({} apps changed) in {} ms", generation, table.changed().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private Map<String, List<String>> domainsByApp() {
		Map<Long, String> names = new HashMap<>();
		for (App app : apps.all()) {
			names.put(app.id(), app.name());
		}
		Map<String, List<String>> byApp = new HashMap<>();
		for (Domain domain : domains.findAll()) {
			String app = names.get(domain.appId());
			if (app != null) {
				byApp.computeIfAbsent(app, name -> new ArrayList<>()).add(domain.hostname());
			}
		}
		return byApp;
	}

	private Map<String, HttpsPolicy> policiesByApp() {
		Map<Long, String> names = new HashMap<>();
		for (App app : apps.all()) {
			names.put(app.id(), app.name());
		}
		Map<String, HttpsPolicy> byApp = new HashMap<>();
		for (HttpsSetting setting : httpsSettings.findAll()) {
			String app = names.get(setting.appId());
			if (app != null) {
				byApp.put(app, setting.policy());
			}
		}
		return byApp;
	}

}
