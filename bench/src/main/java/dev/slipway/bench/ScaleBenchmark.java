package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.bench.simulation.SimulatedCluster;
import dev.slipway.bench.simulation.SimulatedDynoRuntime;
import dev.slipway.bench.simulation.SimulatedSlipway;
import dev.slipway.router.Route;
import dev.slipway.router.RouteTableRendering;
import dev.slipway.router.RouterSettings;
import dev.slipway.router.Upstream;
import dev.slipway.runtime.DeploySpec;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.ProcessType;
import dev.slipway.secrets.SecretBox;
import dev.slipway.test.ControlPlane;
import dev.slipway.test.DockerCli;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Slipway's control plane past this machine: the real application, database, log store, API and
 * nginx router, with the runtime simulated in memory (dev.slipway.bench.simulation), so that one
 * machine holds thousands of apps and dynos. At each size it seeds the apps (three releases each),
 * restarts Slipway and prints what grows with the number of apps: the reconcile at start, the router
 * config's render and nginx reload, memory, log and change-event throughput, and API latency. Each
 * figure comes with its growth against the smallest size next to the growth of the size itself,
 * the limit of "linear". Prints the numbers; asserts nothing.
 */
public final class ScaleBenchmark {

	static final String INSTANCE = System.getProperty("bench.instance", "slipway-bench");

	static final int ROUTER_PORT = Integer.getInteger("bench.router-port", 8900);

	static final List<Integer> SIZES = Arrays.stream(System.getProperty("scale.apps", "250,1000,2000").split(","))
		.map(String::strip)
		.map(Integer::valueOf)
		.toList();

	static final int DYNOS_PER_APP = Integer.getInteger("scale.dynos-per-app", 5);

	static final int RELEASES_PER_APP = 3;

	static final int LOG_LINES = Integer.getInteger("scale.log-lines", 200_000);

	static final int EVENTS = Integer.getInteger("scale.events", 20_000);

	static final int CLIENTS = Integer.getInteger("scale.clients", 20);

	static final int REQUESTS = Integer.getInteger("scale.requests", 400);

	static final int REPEATS = 5;

	static final List<Integer> CONCURRENT_CHANGES = List.of(10, 100);

	private ScaleBenchmark() {
	}

	public static void main(String[] args) {
		BenchmarkMain.run(ScaleBenchmark::measure);
	}

	private static void measure() throws Exception {
		// Each size starts Slipway twice; its start-up lines would bury the figures.
		System.setProperty("logging.level.root", System.getProperty("logging.level.root", "WARN"));
		Map<Integer, Map<String, Double>> results = new LinkedHashMap<>();
		for (int apps : SIZES) {
			results.put(apps, run(apps));
		}
		print(results);
	}

	private static Map<String, Double> run(int size) throws Exception {
		System.out.printf("%n== %d apps, %d dynos ==%n", size, size * DYNOS_PER_APP);
		SimulatedCluster cluster = SimulatedCluster.reset();
		SlipwayUnderTest slipway = SlipwayUnderTest.dedicated(INSTANCE, ROUTER_PORT, SimulatedSlipway.class);
		try {
			Map<String, Double> figures = new LinkedHashMap<>();
			Instant seeding = Instant.now();
			seed(slipway, cluster, size);
			System.out.printf("Seeded %d apps, %d releases, %d dynos in %.1f s%n", size, size * RELEASES_PER_APP,
					cluster.dynoCount(), seconds(seeding));

			long restart = System.nanoTime();
			slipway.restart();
			double startMs = millisSince(restart);
			SimulatedCluster.StartTimes start = cluster.startTimes();
			figures.put("Slipway restart, context up (ms)", startMs);
			figures.put("Recovery + reconcile at start (ms)", start.recoveryAndReconcileNanos() / 1e6);
			figures.put("  of which the routes' first install (ms)", start.routerInstallNanos() / 1e6);
			figures.put("Log collector finds every feed (ms)", start.feedsWatchNanos() / 1e6);
			awaitFeeds(cluster);

			router(slipway, cluster, figures);
			memory(figures);
			logs(slipway, cluster, figures);
			events(slipway, figures);
			api(slipway, figures);
			figures.forEach((name, value) -> System.out.printf("%-48s %10.1f%n", name, value));
			return figures;
		}
		finally {
			slipway.remove();
		}
	}

	/**
	 * Apps, their releases and the cluster's dynos, straight into the tables and the cluster: what a
	 * Slipway that ran this long would hold. The release config is encrypted as Slipway stores it.
	 */
	private static void seed(SlipwayUnderTest slipway, SimulatedCluster cluster, int size) {
		JdbcTemplate jdbc = slipway.bean(JdbcTemplate.class);
		long owner = jdbc.queryForObject("select id from users where email = ?", Long.class, ControlPlane.ADMIN_EMAIL);
		jdbc.update("insert into apps (name, owner_id) select 'app-' || lpad(g::text, 5, '0'), ? "
				+ "from generate_series(1, ?) g", owner, size);
		String config = slipway.bean(SecretBox.class).encrypt("{\"GREETING\":\"hello\"}");
		jdbc.update("insert into releases (app_id, version, status, image_id, image_tag, process_types, config, "
				+ "description, author, created_at) select a.id, v, 'SUCCEEDED', 'sha256:simulated', "
				+ "'slipway-sim/' || a.name || ':' || v, '{\"web\":\"serve\"}', ?, 'Deploy 000000' || v, ?, "
				+ "now() - (? - v) * interval '1 hour' from apps a cross join generate_series(1, ?) v", config,
				ControlPlane.ADMIN_EMAIL, RELEASES_PER_APP, RELEASES_PER_APP);
		for (App app : slipway.bean(AppService.class).all()) {
			cluster.seed(new DeploySpec(app.id(), app.name(), RELEASES_PER_APP,
					"slipway-sim/" + app.name() + ":" + RELEASES_PER_APP, Map.of(ProcessType.WEB, "serve"),
					Map.of("GREETING", "hello"), Duration.ofSeconds(60), null, null, false, Map.of()), DYNOS_PER_APP);
		}
	}

	private static void awaitFeeds(SimulatedCluster cluster) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(120);
		while (cluster.feedsRead() < cluster.dynoCount() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		if (cluster.feedsRead() < cluster.dynoCount()) {
			throw new IllegalStateException("The log collector reads " + cluster.feedsRead() + " of "
					+ cluster.dynoCount() + " feeds after 2 minutes");
		}
	}

	/**
	 * The config the router renders for every app, alone; nginx testing and reloading that config by
	 * hand (the limit: what any change costs nginx), against a docker exec that does nothing; one
	 * app's route changing through Slipway (a restart of its dynos): render, install, reload, confirm;
	 * and ten, then a hundred apps' routes changing at once, which share reloads, and how many.
	 */
	private static void router(SlipwayUnderTest slipway, SimulatedCluster cluster, Map<String, Double> figures) {
		Map<String, Route> routes = new HashMap<>();
		for (App app : slipway.bean(AppService.class).all()) {
			routes.put(app.name(), Route.serving(cluster.dynos(app.id())
				.stream()
				.map(dyno -> new Upstream(dyno.address(), dyno.dyno().name()))
				.toList()));
		}
		RouterSettings settings = slipway.bean(RouterSettings.class);
		String config = RouteTableRendering.render(settings, routes);
		figures.put("Router config size (KiB)", config.length() / 1024.0);
		figures.put("Router config render (ms)", median(() -> {
			long started = System.nanoTime();
			RouteTableRendering.render(settings, routes);
			return millisSince(started);
		}));
		String router = slipway.instance() + "-router";
		double exec = median(() -> timed(() -> DockerCli.run("exec", router, "true")));
		double reload = median(() -> timed(() -> DockerCli.run("exec", router, "sh", "-c",
				"cp /etc/nginx/slipway/routes.conf /etc/nginx/slipway/routes.next.conf && slipway-router-reload")));
		figures.put("nginx test + reload by hand (ms)", reload);
		figures.put("  docker exec alone (ms)", exec);
		figures.put("  of which the test, nginx -t (ms)",
				median(() -> timed(() -> DockerCli.run("exec", router, "nginx", "-t", "-q"))));
		DynoRuntime runtime = slipway.bean(DynoRuntime.class);
		List<App> apps = slipway.bean(AppService.class).all();
		double change = median(() -> timed(() -> runtime.restart(apps.get(ThreadLocalRandom.current().nextInt(apps.size())))));
		figures.put("One app's route change through Slipway (ms)", change);
		figures.put("  against the reload by hand (x)", change / reload);
		for (int concurrent : CONCURRENT_CHANGES) {
			long before = generation();
			long started = System.nanoTime();
			try (ExecutorService changes = Executors.newFixedThreadPool(concurrent)) {
				for (int app = 0; app < concurrent; app++) {
					App restarted = apps.get(app * apps.size() / concurrent);
					changes.submit(() -> runtime.restart(restarted));
				}
			}
			double all = millisSince(started);
			figures.put(concurrent + " apps' route changes at once, all served (ms)", all);
			figures.put("  of " + concurrent + ": route changes per second", concurrent / (all / 1000));
			figures.put("  of " + concurrent + ": nginx reloads that carried them", (double) (generation() - before));
		}
	}

	/** The generation of routes the router serves; each reload serves the next. */
	private static long generation() {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return Long.parseLong(client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ROUTER_PORT + "/__slipway/generation"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body()
				.strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The whole JVM: Slipway and this benchmark's small client side, and the simulated cluster's records. */
	private static void memory(Map<String, Double> figures) throws IOException {
		System.gc();
		System.gc();
		figures.put("Heap used after GC (MiB)",
				ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024));
		String rss = Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter(line -> line.startsWith("VmRSS:"))
			.findFirst()
			.orElseThrow()
			.replaceAll("\\D", "");
		figures.put("Resident memory (MiB)", Long.parseLong(rss) / 1024.0);
	}

	/**
	 * Lines written to every dyno's feed in turn by four writers at once, as four busy hosts would,
	 * each with its own share of the feeds (a container's log has one writer, its lines in time
	 * order), through the collector into the store; the time until the store holds them all.
	 */
	private static void logs(SlipwayUnderTest slipway, SimulatedCluster cluster, Map<String, Double> figures)
			throws Exception {
		JdbcTemplate jdbc = slipway.bean(JdbcTemplate.class);
		List<String> feeds = new ArrayList<>();
		for (App app : slipway.bean(AppService.class).all()) {
			cluster.dynos(app.id()).forEach(dyno -> feeds.add(dyno.feedId()));
		}
		int writers = 4;
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
			for (int w = 0; w < writers; w++) {
				List<String> share = new ArrayList<>();
				for (int feed = w; feed < feeds.size(); feed += writers) {
					share.add(feeds.get(feed));
				}
				int first = w;
				pool.submit(() -> {
					for (int line = first; line < LOG_LINES; line += writers) {
						cluster.write(share.get(line / writers % share.size()), Instant.now(), "scale line " + line);
					}
				});
			}
		}
		double written = millisSince(started);
		long stored = 0;
		long lastChange = System.nanoTime();
		double storedAt = written;
		while (stored < LOG_LINES && millisSince(lastChange) < 30_000) {
			Thread.sleep(100);
			long now = jdbc.queryForObject("select count(*) from log_lines where text like 'scale line %'", Long.class);
			if (now != stored) {
				stored = now;
				lastChange = System.nanoTime();
				storedAt = millisSince(started);
			}
		}
		figures.put("Log lines handed to the collector (lines/s)", LOG_LINES / (written / 1000));
		figures.put("Log lines stored (lines/s)", stored / (storedAt / 1000));
		figures.put("  lost (lines)", (double) (LOG_LINES - stored));
	}

	/**
	 * Dyno change events as the runtime publishes them (one per app, in turn), taken by the app pages'
	 * change streams; what they cost the thread that publishes them.
	 */
	private static void events(SlipwayUnderTest slipway, Map<String, Double> figures) {
		SimulatedDynoRuntime runtime = (SimulatedDynoRuntime) slipway.bean(DynoRuntime.class);
		List<App> apps = slipway.bean(AppService.class).all();
		long started = System.nanoTime();
		for (int event = 0; event < EVENTS; event++) {
			runtime.dynosChanged(apps.get(event % apps.size()));
		}
		figures.put("Dyno change events published (events/s)", EVENTS / (millisSince(started) / 1000));
	}

	/** {@link #CLIENTS} clients at once, each asking in turn for the app list, an app's dynos and the dashboard. */
	private static void api(SlipwayUnderTest slipway, Map<String, Double> figures) throws Exception {
		Http api = slipway.adminApi();
		Http browser = slipway.browserSession();
		List<String> names = slipway.bean(AppService.class).all().stream().map(App::name).toList();
		Map<String, Supplier<Http.Response>> calls = new LinkedHashMap<>();
		calls.put("GET /api/apps", () -> api.get("/api/apps"));
		calls.put("GET /api/apps/<app>/dynos", () -> api
			.get("/api/apps/" + names.get(ThreadLocalRandom.current().nextInt(names.size())) + "/dynos"));
		calls.put("GET /apps (dashboard)", () -> browser.get("/apps"));
		for (Map.Entry<String, Supplier<Http.Response>> call : calls.entrySet()) {
			call.getValue().get();
			List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
			try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
				List<Future<?>> done = new ArrayList<>();
				for (int client = 0; client < CLIENTS; client++) {
					done.add(clients.submit(() -> {
						for (int request = 0; request < REQUESTS / CLIENTS; request++) {
							long started = System.nanoTime();
							Http.Response response = call.getValue().get();
							latencies.add(millisSince(started));
							if (response.status() != 200) {
								throw new IllegalStateException(call.getKey() + " answered " + response);
							}
						}
						return null;
					}));
				}
				for (Future<?> each : done) {
					each.get();
				}
			}
			List<Double> sorted = latencies.stream().sorted().toList();
			figures.put(call.getKey() + " p50 (ms)", sorted.get(sorted.size() / 2));
			figures.put(call.getKey() + " p99 (ms)", sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
		}
	}

	/** Each figure at each size, and how much it grew against the smallest size next to how much the size grew. */
	private static void print(Map<Integer, Map<String, Double>> results) {
		List<Integer> sizes = new ArrayList<>(results.keySet());
		int smallest = sizes.get(0);
		System.out.printf("%nControl plane at scale, simulated runtime (%d dynos per app); growth against %d apps "
				+ "in brackets, next to the growth of the size (linear: the same)%n", DYNOS_PER_APP, smallest);
		StringBuilder header = new StringBuilder(String.format("%-48s", ""));
		sizes.forEach(size -> header.append(String.format("%30s", size + " apps/" + size * DYNOS_PER_APP + " dynos")));
		System.out.println(header);
		for (String figure : results.get(smallest).keySet()) {
			StringBuilder row = new StringBuilder(String.format("%-48s", figure));
			double base = results.get(smallest).get(figure);
			for (int size : sizes) {
				double value = results.get(size).getOrDefault(figure, Double.NaN);
				row.append(size == smallest ? String.format("%30.1f", value)
						: String.format("%30s", String.format("%.1f (x%.1f for x%.1f)", value, value / base,
								(double) size / smallest)));
			}
			System.out.println(row);
		}
	}

	private static double median(Supplier<Double> measurement) {
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < REPEATS; i++) {
			times.add(measurement.get());
		}
		Collections.sort(times);
		return times.get(times.size() / 2);
	}

	private static double timed(Runnable action) {
		long started = System.nanoTime();
		action.run();
		return millisSince(started);
	}

	private static double millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1e6;
	}

	private static double seconds(Instant since) {
		return Duration.between(since, Instant.now()).toMillis() / 1000.0;
	}

}
