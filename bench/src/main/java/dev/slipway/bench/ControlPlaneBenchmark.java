package dev.slipway.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.Http;

/**
 * Measures the control plane's own footprint as a user runs it, started by the README's run command
 * in a process of its own: resident memory and CPU idle, with {@value #DEFAULT_APPS} apps running two
 * dynos each and with 16 of them writing 150 log lines/s in all, the start time (command to a healthy
 * {@code /healthz}, and Spring Boot's own), and the p99 of dashboard pages and API calls with 50
 * concurrent clients while the dynos run: 50 clients sending one request after the other (the
 * saturation figure, with the CPU time per request of Slipway and of the clients and the mean latency
 * that alone implies on this machine's cores), then 50 users browsing with a reading time between
 * pages. Each figure comes with its ratio to the target and to the floor measured in the same run: a
 * bare JVM's start and memory, {@code /healthz}'s p99 under the same clients. Each resident size
 * comes with what it holds ({@link MemoryProfile}: anonymous and file-backed pages, and the JVM's own
 * account by its native memory tracker, which the benchmark turns on for the Slipway it runs). Prints
 * the numbers; asserts nothing.
 */
public final class ControlPlaneBenchmark {

	static final int DEFAULT_APPS = 50;

	/** The README's run command, or another one to compare (system property {@code control-plane.run-command}). */
	static final List<String> RUN_COMMAND = List
		.of(System.getProperty("control-plane.run-command", "scripts/run").split(" "));

	static final String WRITER = "#!/bin/sh\n# Writes LINES_PER_SECOND numbered lines a second, for ever.\n"
			+ "exec perl -e '$| = 1; my $i = 0; while (1) { $i++; print \"line $i\\n\"; select(undef, undef, undef, 1 / $ENV{LINES_PER_SECOND}) }'\n";

	private static final int CLIENTS = 50;

	private static final int WRITING_APPS = 16;

	private static final double LINES_PER_SECOND = 150;

	private static final Duration CPU_WINDOW = Duration.ofSeconds(Integer.getInteger("control-plane.cpu-seconds", 30));

	private static final Duration LOAD_WINDOW = Duration.ofSeconds(Integer.getInteger("control-plane.load-seconds", 10));

	/** Long enough for some 750 page loads from the browsing users, so their p99 is not one unlucky request. */
	private static final Duration BROWSING_WINDOW = Duration
		.ofSeconds(Integer.getInteger("control-plane.browsing-seconds", 30));

	private static final Duration THINK_MIN = Duration.ofSeconds(1);

	private static final Duration THINK_MAX = Duration.ofSeconds(3);

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private ControlPlaneBenchmark() {
	}

	public static void main(String[] args) {
		BenchmarkMain.run(ControlPlaneBenchmark::measure);
	}

	private static void measure() throws Exception {
		Path root = Path.of(System.getProperty("slipway.root", "..")).toAbsolutePath().normalize();
		String instance = System.getProperty("bench.instance", "slipway-bench");
		int routerPort = Integer.getInteger("bench.router-port", 8900);
		int apps = Integer.getInteger("control-plane.apps", DEFAULT_APPS);

		Floor floor = floor();
		System.out.printf("Floor, a bare JVM on this machine: ready in %.2f s, %.0f MiB resident%n", floor.readySeconds,
				floor.residentMib);

		LaunchedSlipway slipway = new LaunchedSlipway(root, RUN_COMMAND, instance, routerPort);
		LaunchedSlipway.Start fresh = slipway.start();
		System.out.printf("Start, new installation (creates its database): run command to healthy %.1f s, Spring Boot started in %.1f s%n",
				seconds(fresh.toHealthy()), fresh.springBootSeconds());
		slipway.stop();
		LaunchedSlipway.Start warm = slipway.start();
		System.out.printf("Start, warm: run command to healthy %.1f s (%.2f x the 15 s target, %.0f x a bare JVM's start), "
				+ "Spring Boot started in %.1f s (%.2f x the 5 s target)%n", seconds(warm.toHealthy()),
				seconds(warm.toHealthy()) / 15, seconds(warm.toHealthy()) / floor.readySeconds, warm.springBootSeconds(),
				warm.springBootSeconds() / 5);
		long pid = slipway.pid();

		Thread.sleep(Duration.ofSeconds(15));
		MemoryProfile idleMemory = MemoryProfile.of(pid);
		System.out.printf("Memory, idle: %.0f MiB resident (%.2f x the 200 MiB target, %.1f x a bare JVM): %s%n",
				idleMemory.residentMib(), idleMemory.residentMib() / 200, idleMemory.residentMib() / floor.residentMib,
				idleMemory);
		double idleCpu = ProcFile.cpuPercent(pid, CPU_WINDOW);
		System.out.printf("CPU, idle: %.2f %% of a core over %d s (%.2f x the 2 %% target)%n", idleCpu,
				CPU_WINDOW.toSeconds(), idleCpu / 2);

		long deployStarted = System.nanoTime();
		List<String> names = deploy(slipway, apps);
		awaitDynos(slipway, 2 * apps);
		System.out.printf("Deploy: %d apps pushed and %d dynos running in %.0f s%n", apps, 2 * apps,
				(System.nanoTime() - deployStarted) / 1e9);
		Thread.sleep(Duration.ofSeconds(15));
		MemoryProfile busyMemory = MemoryProfile.of(pid);
		System.out.printf("Memory, %d apps / %d dynos: %.0f MiB resident (%.2f x the 300 MiB target), peak so far %.0f MiB: %s%n",
				apps, 2 * apps, busyMemory.residentMib(), busyMemory.residentMib() / 300, ProcFile.residentMib(pid, true),
				busyMemory);
		double dynosCpu = ProcFile.cpuPercent(pid, CPU_WINDOW);
		System.out.printf("CPU, %d apps / %d dynos, nothing happening: %.2f %% of a core (%.2f x the 2 %% target)%n", apps,
				2 * apps, dynosCpu, dynosCpu / 2);

		Http browser = slipway.browserSession();
		Http api = slipway.adminApi();
		String app = names.getFirst();
		List<String> pages = List.of("/apps", "/apps/" + app + "/resources");
		System.out.printf("With %d dynos running (load average %.1f on %d cores), %d clients each sending one request "
				+ "after the other:%n", 2 * apps, ProcFile.loadAverage(), CORES, CLIENTS);
		Latency health = latency(browser, "/healthz", pid);
		System.out.printf("  /healthz (the floor) %s%n", health);
		for (String page : pages) {
			Latency latency = latency(browser, page, pid);
			System.out.printf("  dashboard %s %s: p99 %.2f x the 200 ms target, %.1f x /healthz%n", page, latency,
					latency.p99 / 200.0, (double) latency.p99 / Math.max(1, health.p99));
		}
		for (String call : List.of("/api/apps", "/api/apps/" + app + "/dynos")) {
			Latency latency = latency(api, call, pid);
			System.out.printf("  API %s %s: p99 %.2f x the 200 ms target, %.1f x /healthz%n", call, latency,
					latency.p99 / 200.0, (double) latency.p99 / Math.max(1, health.p99));
		}
		System.out.printf("%d users browsing (a page, then %d to %d s reading it; load average %.1f):%n", CLIENTS,
				THINK_MIN.toSeconds(), THINK_MAX.toSeconds(), ProcFile.loadAverage());
		for (String page : pages) {
			Latency latency = browsing(browser, page, pid);
			System.out.printf("  dashboard %s %s: p99 %.2f x the 200 ms target%n", page, latency, latency.p99 / 200.0);
		}

		for (String name : names.subList(0, Math.min(WRITING_APPS, names.size()))) {
			api.patch("/api/apps/" + name + "/config-vars",
					Map.of("LINES_PER_SECOND", String.valueOf(LINES_PER_SECOND / WRITING_APPS)));
			scale(api, name, Map.of("writer", 1));
		}
		awaitDynos(slipway, 2 * apps + WRITING_APPS);
		Thread.sleep(Duration.ofSeconds(10));
		double writingCpu = ProcFile.cpuPercent(pid, CPU_WINDOW);
		System.out.printf("CPU, %d apps writing %.0f lines/s in all: %.2f %% of a core (%.2f x the 5 %% target; "
				+ "load average %.1f), %.0f MiB resident, peak %.0f MiB%n", WRITING_APPS, LINES_PER_SECOND, writingCpu,
				writingCpu / 5, ProcFile.loadAverage(), ProcFile.residentMib(pid, false), ProcFile.residentMib(pid, true));
		System.out.println("Targets: 200 MiB idle, 300 MiB with 50 apps / 100 dynos; Spring Boot started in 5 s, "
				+ "the run command healthy in 15 s; 2 % of a core idle, 5 % with 16 apps writing 150 lines/s; "
				+ "dashboard p99 200 ms with 50 clients.");
		slipway.remove();
	}

	private record Floor(double readySeconds, double residentMib) {
	}

	/** A JVM that does nothing: how soon it can say anything, and what it holds in memory then. */
	private static Floor floor() throws Exception {
		Path classes = Path.of(IdleJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		long started = System.nanoTime();
		Process process = new ProcessBuilder(java, "-cp", classes.toString(), IdleJvm.class.getName()).redirectErrorStream(true)
			.start();
		try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			double ready = (System.nanoTime() - started) / 1e9;
			Thread.sleep(Duration.ofSeconds(2));
			double resident = ProcFile.residentMib(process.pid(), false);
			return new Floor(ready, resident);
		}
		finally {
			process.destroyForcibly().waitFor();
		}
	}

	/** Creates and pushes {@code count} apps, a few at a time, each running a web dyno and a worker that sleeps. */
	private static List<String> deploy(LaunchedSlipway slipway, int count) throws Exception {
		GitProject project = GitProject.sample("procfile")
			.write("writer.sh", WRITER)
			.write("Procfile", "web: ./server.sh\nworker: sleep infinity\nwriter: ./writer.sh\n")
			.commit("control-plane benchmark");
		List<String> names = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService pushers = Executors.newFixedThreadPool(3)) {
			List<Future<?>> pushes = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				pushes.add(pushers.submit(() -> {
					String app = slipway.createApp("cp");
					GitProject.Push push = project.push(slipway, app, slipway.adminToken());
					if (!push.succeeded()) {
						// Once seen on a machine loaded far beyond its cores: the router's reload never
						// answered within 2 minutes. Another push shows whether it lasts.
						System.out.println("The push to " + app + " failed, pushing again once; see Slipway's log");
						push = project.push(slipway, app, slipway.adminToken());
					}
					if (!push.succeeded()) {
						throw new IllegalStateException(push.toString());
					}
					scale(slipway.adminApi(), app, Map.of("web", 1, "worker", 1));
					names.add(app);
					return null;
				}));
			}
			for (Future<?> push : pushes) {
				push.get();
			}
		}
		return List.copyOf(names);
	}

	private static void scale(Http api, String app, Map<String, Integer> quantities) {
		List<Map<String, Object>> updates = quantities.entrySet()
			.stream()
			.map(entry -> Map.<String, Object>of("type", entry.getKey(), "quantity", entry.getValue()))
			.toList();
		Http.Response response = api.patch("/api/apps/" + app + "/formation", Map.of("updates", updates));
		if (response.status() != 200) {
			throw new IllegalStateException("Cannot scale " + app + ": " + response);
		}
	}

	/** Waits until the instance runs at least {@code dynos} app containers. */
	private static void awaitDynos(LaunchedSlipway slipway, int dynos) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		int running = 0;
		while (System.nanoTime() < deadline) {
			String ids = DockerCli.run("ps", "-q", "--filter", "label=dev.slipway.instance=" + slipway.instance(), "--filter",
					"label=dev.slipway.app");
			running = ids.isBlank() ? 0 : ids.split("\\R").length;
			if (running >= dynos) {
				return;
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("Only " + running + " of " + dynos + " dynos run after 5 minutes");
	}

	/**
	 * Latencies, and the CPU time per request of Slipway and of the clients (this JVM) over the same
	 * window. Clients that send one request after the other keep every request in the queue for the
	 * cores: their mean latency is at least clients x CPU per request / cores, the floor printed, which
	 * says whether the CPU a request costs or something else (waiting, unfairness) makes the latency.
	 */
	private record Latency(long p50, long p99, long max, int requests, int failed, double slipwayCpuMillis,
			double clientCpuMillis, double slipwayCores, boolean closedLoop) {

		@Override
		public String toString() {
			String cpu = String.format("; CPU per request: Slipway %.1f ms (%.0f %% of a core), clients %.1f ms",
					slipwayCpuMillis, slipwayCores * 100, clientCpuMillis);
			String floor = closedLoop ? String.format(", so %d clients on %d cores wait %.0f ms on average at least",
					CLIENTS, CORES, CLIENTS * (slipwayCpuMillis + clientCpuMillis) / CORES) : "";
			return "p50 " + p50 + " ms, p99 " + p99 + " ms, max " + max + " ms (" + requests + " requests"
					+ (failed > 0 ? ", " + failed + " not 200" : "") + cpu + floor + ")";
		}

	}

	/** {@value #CLIENTS} clients asking for {@code path} one request after the other for the load window. */
	private static Latency latency(Http http, String path, long slipwayPid) throws Exception {
		return load(http, path, slipwayPid, LOAD_WINDOW, false);
	}

	/**
	 * {@value #CLIENTS} users as a browser has them: each loads the page, reads it for a while
	 * (between {@link #THINK_MIN} and {@link #THINK_MAX}), and loads it again.
	 */
	private static Latency browsing(Http http, String path, long slipwayPid) throws Exception {
		return load(http, path, slipwayPid, BROWSING_WINDOW, true);
	}

	private static Latency load(Http http, String path, long slipwayPid, Duration window, boolean think)
			throws Exception {
		List<Long> millis = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failed = new AtomicInteger();
		long self = ProcessHandle.current().pid();
		double slipwayCpu = ProcFile.cpuSeconds(slipwayPid);
		double clientCpu = ProcFile.cpuSeconds(self);
		long started = System.nanoTime();
		long end = started + window.toNanos();
		try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
			for (int i = 0; i < CLIENTS; i++) {
				clients.submit(() -> {
					if (think) {
						// Users arrive spread over one reading time, not all at once.
						Thread.sleep(ThreadLocalRandom.current().nextLong(THINK_MAX.toMillis()));
					}
					while (System.nanoTime() < end) {
						long sent = System.nanoTime();
						HttpResponse<?> response = http.client()
							.send(http.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
						millis.add((System.nanoTime() - sent) / 1_000_000);
						if (response.statusCode() != 200) {
							failed.incrementAndGet();
						}
						if (think) {
							Thread.sleep(ThreadLocalRandom.current().nextLong(THINK_MIN.toMillis(), THINK_MAX.toMillis()));
						}
					}
					return null;
				});
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		slipwayCpu = ProcFile.cpuSeconds(slipwayPid) - slipwayCpu;
		clientCpu = ProcFile.cpuSeconds(self) - clientCpu;
		List<Long> sorted = millis.stream().sorted().toList();
		return new Latency(sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
				sorted.getLast(), sorted.size(), failed.get(), slipwayCpu * 1000 / sorted.size(),
				clientCpu * 1000 / sorted.size(), slipwayCpu / seconds, !think);
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
