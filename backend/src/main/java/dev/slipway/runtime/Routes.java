package dev.slipway.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.slipway.apps.App;
import dev.slipway.apps.AppWebAddress;
import dev.slipway.router.Route;
import dev.slipway.router.RouteChange;
import dev.slipway.router.Router;
import dev.slipway.router.Upstream;

import org.springframework.stereotype.Component;

/**
 * Works out each app's route from what runs: the web dynos of its current release that are up, or
 * why there are none, and hands it to the router; and tells the address the router serves an app at.
 */
@Component
class Routes implements AppWebAddress {

	private final Router router;

	private final Deployments deployments;

	private final Formations formations;

	private final DynoStates states;

	Routes(Router router, Deployments deployments, Formations formations, DynoStates states) {
		this.router = router;
		this.deployments = deployments;
		this.formations = formations;
		this.states = states;
	}

	/**
	 * Sends the app's route to the router; returns once nginx serves it. Working it out and handing it
	 * to the router are one step, so a refresh that read the state before a deploy cannot overwrite
	 * the deploy's route; the wait for nginx is outside that step, so other apps' changes made
	 * meanwhile share the reload.
	 */
	void refresh(long appId, String app) {
		RouteChange change;
		synchronized (this) {
			change = router.update(app, compute(appId, app));
		}
		change.awaitServed();
	}

	synchronized void initialise(List<App> apps) {
		Map<String, Route> routes = new HashMap<>();
		apps.forEach(app -> routes.put(app.name(), compute(app.id(), app.name())));
		router.initialise(routes);
	}

	@Override
	public String url(String app) {
		return router.url(app);
	}

	void remove(String app) {
		RouteChange change;
		synchronized (this) {
			change = router.remove(app);
		}
		change.awaitServed();
	}

	Route compute(long appId, String app) {
		Optional<Deployment> deployment = deployments.findById(appId);
		if (deployment.isEmpty()) {
			return Route.unavailable(Route.State.NOT_DEPLOYED);
		}
		int web = formations.findByAppIdAndProcessType(appId, ProcessType.WEB).map(Formation::quantity).orElse(0);
		if (web == 0 || !deployment.get().runs(ProcessType.WEB)) {
			return Route.unavailable(Route.State.NO_WEB_DYNOS);
		}
		List<Upstream> upstreams = states.active(app, deployment.get().releaseVersion(), ProcessType.WEB)
			.stream()
			.filter(dyno -> dyno.state() == DynoState.UP && dyno.address() != null)
			.map(dyno -> new Upstream(dyno.address(), dyno.name()))
			.toList();
		return Route.serving(upstreams);
	}

}
