package dev.slipway.bench.simulation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.progress.Progress;
import dev.slipway.router.Route;
import dev.slipway.router.Router;
import dev.slipway.router.Upstream;
import dev.slipway.runtime.DeploySpec;
import dev.slipway.runtime.Dyno;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.DynoSize;
import dev.slipway.runtime.DynoState;
import dev.slipway.runtime.DynosChanged;
import dev.slipway.runtime.Formation;
import dev.slipway.runtime.FormationUpdate;
import dev.slipway.runtime.InteractiveDyno;
import dev.slipway.runtime.InteractiveOutput;
import dev.slipway.runtime.ProcessType;
import dev.slipway.runtime.TerminalSize;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The runtime SPI over a {@link SimulatedCluster}: dynos are entries in memory, up as soon as they
 * start, at addresses nothing listens on. Slipway calls it under the app's change lock, as it calls
 * the Docker runtime, so changes to one app never overlap; changes to different apps do. Everything above the SPI is Slipway's own: the real
 * router (nginx config rendered and reloaded for every route change), the app page's change events,
 * the log pipeline. Like the Docker runtime's reconciler it starts before the web server, adopts what
 * the cluster runs and gives the router every route at once. Changes to different apps at once share
 * the router's reloads, as they do with the Docker runtime.
 */
public class SimulatedDynoRuntime implements DynoRuntime, SmartLifecycle {

	private final SimulatedCluster cluster = SimulatedCluster.current();

	private final Router router;

	private final AppService apps;

	private final ApplicationEventPublisher events;

	private volatile boolean running;

	SimulatedDynoRuntime(Router router, AppService apps, ApplicationEventPublisher events) {
		this.router = router;
		this.apps = apps;
		this.events = events;
	}

	@Override
	public void start() {
		cluster.startTimes.reconcileStarted = System.nanoTime();
		List<App> all = apps.all();
		Set<Long> ids = all.stream().map(App::id).collect(Collectors.toSet());
		cluster.appIds().stream().filter(id -> !ids.contains(id)).forEach(cluster::remove);
		Map<String, Route> routes = new HashMap<>();
		all.forEach(app -> routes.put(app.name(), route(app.id())));
		cluster.startTimes.routesInstallStarted = System.nanoTime();
		router.initialise(routes);
		cluster.startTimes.reconciled = System.nanoTime();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** As the Docker runtime's reconciler: before the web server, after release recovery. */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void runReleasePhase(DeploySpec release, Progress progress) {
		if (release.command(ProcessType.RELEASE) != null) {
			progress.detail("The simulated runtime runs no release phase command");
		}
	}

	/** As the Docker runtime plans it: web gets one dyno on a first deploy, other new types none. */
	@Override
	public void deploy(DeploySpec release, Progress progress) {
		Map<String, Formation> formation = new TreeMap<>(cluster.formation(release.appId()));
		boolean first = formation.isEmpty();
		for (String type : release.processTypes().keySet()) {
			if (!type.equals(ProcessType.RELEASE) && !formation.containsKey(type)) {
				int quantity = release.initialFormation()
					.getOrDefault(type, first && type.equals(ProcessType.WEB) ? 1 : 0);
				formation.put(type, new Formation(release.appId(), type, quantity, DynoSize.STANDARD_1X));
			}
		}
		changed(release, formation);
		progress.step("Released v" + release.version() + " to the simulated runtime");
	}

	@Override
	public void restart(App app) {
		changed(deployed(app), cluster.formation(app.id()));
	}

	@Override
	public List<Formation> formation(App app) {
		return List.copyOf(cluster.formation(app.id()).values());
	}

	@Override
	public List<Formation> scale(App app, List<FormationUpdate> updates, String author) {
		Map<String, Formation> formation = new TreeMap<>(cluster.formation(app.id()));
		for (FormationUpdate update : updates) {
			if (!formation.containsKey(update.type())) {
				throw SlipwayException.notFound("unknown_process_type",
						app.name() + " has no process type '" + update.type() + "'");
			}
		}
		for (FormationUpdate update : updates) {
			Formation type = formation.get(update.type());
			formation.put(update.type(), new Formation(app.id(), update.type(),
					update.quantity() != null ? update.quantity() : type.quantity(),
					update.size() != null ? DynoSize.of(update.size()).orElseThrow() : type.size()));
		}
		DeploySpec release = cluster.deployed(app.id());
		if (release != null) {
			changed(release, formation);
		}
		return List.copyOf(formation.values());
	}

	@Override
	public List<Dyno> dynos(App app) {
		return cluster.dynos(app.id()).stream().map(SimulatedCluster.SimulatedDyno::dyno).toList();
	}

	@Override
	public int runAttached(App app, String command, Consumer<String> output, Duration timeout) {
		deployed(app);
		output.accept("The simulated runtime runs no command");
		return 0;
	}

	@Override
	public InteractiveDyno runInteractive(App app, String command, TerminalSize terminal, String term,
			InteractiveOutput output) {
		deployed(app);
		output.stdout(ByteBuffer.wrap("The simulated runtime runs no command\n".getBytes(StandardCharsets.UTF_8)));
		output.exited(0);
		return new InteractiveDyno() {
			@Override
			public String dyno() {
				return "run.1";
			}

			@Override
			public void write(ByteBuffer bytes) {
			}

			@Override
			public void closeInput() {
			}

			@Override
			public void resize(TerminalSize size) {
			}

			@Override
			public void stop() {
			}
		};
	}

	@Override
	public void requireDeployed(App app) {
		deployed(app);
	}

	@Override
	public String runDetached(App app, String command) {
		deployed(app);
		return "run.1";
	}

	@Override
	public void stop(App app) {
		cluster.remove(app.id());
		router.remove(app.name()).awaitServed();
	}

	@Override
	public OptionalInt deployedRelease(App app) {
		DeploySpec release = cluster.deployed(app.id());
		return release == null ? OptionalInt.empty() : OptionalInt.of(release.version());
	}

	/** Nothing of a release that was never switched to runs here: dynos start with the switch. */
	@Override
	public void discard(App app, int release) {
	}

	/**
	 * Tells the app's page that its dynos changed, as the Docker runtime does when a dyno of a type
	 * without routes (a worker) crashes or comes back; the benchmark's change events.
	 */
	public void dynosChanged(App app) {
		events.publishEvent(new DynosChanged(app.id()));
	}

	/** Runs the formation, gives the router the app's new route and tells the app's page. */
	private void changed(DeploySpec release, Map<String, Formation> formation) {
		cluster.run(release, formation);
		router.update(release.appName(), route(release.appId())).awaitServed();
		events.publishEvent(new DynosChanged(release.appId()));
	}

	private Route route(long appId) {
		DeploySpec release = cluster.deployed(appId);
		if (release == null) {
			return Route.unavailable(Route.State.NOT_DEPLOYED);
		}
		List<Upstream> upstreams = cluster.dynos(appId)
			.stream()
			.filter(each -> each.dyno().processType().equals(ProcessType.WEB) && each.dyno().state() == DynoState.UP)
			.map(each -> new Upstream(each.address(), each.dyno().name()))
			.toList();
		return upstreams.isEmpty() ? Route.unavailable(Route.State.NO_WEB_DYNOS) : Route.serving(upstreams);
	}

	private DeploySpec deployed(App app) {
		DeploySpec release = cluster.deployed(app.id());
		if (release == null) {
			throw SlipwayException.conflict("not_deployed",
					app.name() + " has no release yet: push code before running commands.");
		}
		return release;
	}

}
