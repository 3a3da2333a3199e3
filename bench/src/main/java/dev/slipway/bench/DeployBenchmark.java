package dev.slipway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.slipway.test.Command;
import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;

/**
 * Measures how long a deploy takes against doing the same by hand with Docker, in the same run: a
 * cold first deploy (a new app's first {@code git push}) and a warm redeploy (a code-only change),
 * each from the first byte pushed to the router serving the new version, against {@code docker build}
 * of the same Dockerfile and context, {@code docker run} and the container's first HTTP 200 with the
 * new version. The app is the Dockerfile sample app, so Slipway builds the app's own Dockerfile. Each
 * figure is the median of several runs; the push's time is broken down by the arrival of its output
 * lines. Prints the numbers; asserts nothing.
 */
public final class DeployBenchmark {

	private static final int RUNS = Integer.getInteger("deploy.runs", 5);

	static {
		// The router is asked with the app's Host header, which the JDK's client sends only when allowed.
		System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
	}

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** The push's output lines that end each phase, in order, with the phase's name. */
	private static final Map<String, String> PHASES = phases();

	private static final String BARE_LABEL = "dev.slipway.bench=deploy";

	private DeployBenchmark() {
	}

	public static void main(String[] args) {
		BenchmarkMain.run(DeployBenchmark::measure);
	}

	private static void measure() throws Exception {
		int routerPort = Integer.getInteger("bench.router-port", 8900);
		SlipwayUnderTest slipway = SlipwayUnderTest.dedicated(System.getProperty("bench.instance", "slipway-bench"),
				routerPort);
		try {
			run(slipway, routerPort);
		}
		finally {
			removeBareContainers();
		}
	}

	private static void run(SlipwayUnderTest slipway, int routerPort) {
		// One round first, not counted: the JVMs and Docker's caches warm up.
		round(slipway, routerPort);
		List<Round> rounds = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			Round round = round(slipway, routerPort);
			System.out.printf("Run %d: cold %.2f s vs bare %.2f s, warm %.2f s vs bare %.2f s%n", i + 1,
					round.cold().served(), round.bareCold().total(), round.warm().served(), round.bareWarm().total());
			rounds.add(round);
		}
		report("Cold first deploy (a new app's first push)", rounds.stream().map(Round::cold).toList(),
				rounds.stream().map(Round::bareCold).toList());
		report("Warm redeploy (a code-only change)", rounds.stream().map(Round::warm).toList(),
				rounds.stream().map(Round::bareWarm).toList());
		System.out.println("The last warm push, line by line:" + rounds.getLast().warm().timeline());
		System.out.println("Target: warm redeploy at most 1.3 x bare docker build + run + first 200.");
	}

	/** A cold first deploy and a warm redeploy, each with its bare Docker counterpart of the same change. */
	private static Round round(SlipwayUnderTest slipway, int routerPort) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		GitProject bareProject = version(GitProject.sample("dockerfile"), "docker v1", "bare-cold-" + run);
		GitProject project = version(GitProject.sample("dockerfile"), "docker v1", "cold-" + run);
		Bare bareCold = bare(bareProject, "bare-cold-" + run);
		String app = slipway.createApp("deploy");
		Deploy cold = deploy(slipway, routerPort, project, app, "cold-" + run);
		version(bareProject, "bare-cold-" + run, "bare-warm-" + run);
		version(project, "cold-" + run, "warm-" + run);
		Bare bareWarm = bare(bareProject, "bare-warm-" + run);
		Deploy warm = deploy(slipway, routerPort, project, app, "warm-" + run);
		slipway.adminApi().delete("/api/apps/" + app);
		removeBareContainers();
		return new Round(cold, bareCold, warm, bareWarm);
	}

	private static GitProject version(GitProject project, String from, String to) {
		return project.replace("server.sh", from, to).commit("Answers " + to);
	}

	/** Pushes and watches the router until it serves {@code version}. */
	private static Deploy deploy(SlipwayUnderTest slipway, int routerPort, GitProject project, String app,
			String version) {
		AtomicBoolean pushing = new AtomicBoolean(true);
		CompletableFuture<Instant> served = CompletableFuture.supplyAsync(
				() -> awaitVersion(URI.create("http://127.0.0.1:" + routerPort + "/"), app + ".localhost", version, pushing));
		GitProject.Push push = project.push(slipway, app, slipway.adminToken());
		if (!push.succeeded()) {
			throw new IllegalStateException(push.toString());
		}
		pushing.set(false);
		Instant servedAt = served.join();
		Map<String, Double> phases = new LinkedHashMap<>();
		Instant previous = push.started();
		for (Map.Entry<String, String> phase : PHASES.entrySet()) {
			Instant end = push.lines()
				.stream()
				.filter(line -> line.text().contains(phase.getKey()))
				.map(GitProject.Push.Line::arrived)
				.findFirst()
				.orElse(null);
			if (end != null) {
				phases.put(phase.getValue(), seconds(Duration.between(previous, end)));
				previous = end;
			}
		}
		phases.put("after that, to the end of the push", seconds(Duration.between(previous, push.finished())));
		StringBuilder timeline = new StringBuilder();
		for (GitProject.Push.Line line : push.lines()) {
			timeline.append(String.format("%n    +%.3f s  %s", seconds(Duration.between(push.started(), line.arrived())),
					line.text()));
		}
		timeline.append(String.format("%n    +%.3f s  (served through the router)", seconds(Duration.between(push.started(), servedAt))));
		return new Deploy(seconds(Duration.between(push.started(), servedAt)), seconds(push.duration()), phases,
				timeline.toString());
	}

	/** {@code docker build} of the committed files (as Slipway gets them), {@code docker run}, first 200 with {@code version}. */
	private static Bare bare(GitProject project, String version) {
		String tag = "slipway-bench-deploy:" + version;
		Instant started = Instant.now();
		Command.Result build = Command.run(List.of("sh", "-c", "git archive HEAD | docker build -q -t " + tag + " -"),
				project.directory(), environment -> environment.put("DOCKER_BUILDKIT", "0"), Duration.ofMinutes(5),
				line -> {
				});
		if (!build.succeeded()) {
			throw new IllegalStateException("docker build failed: " + build.output());
		}
		Instant built = Instant.now();
		String container = DockerCli.run("run", "-d", "--label", BARE_LABEL, "-e", "PORT=5000", tag);
		Instant running = Instant.now();
		String ip = DockerCli.run("inspect", "--format", "{{.NetworkSettings.IPAddress}}", container);
		AtomicBoolean waiting = new AtomicBoolean(true);
		Instant answered = awaitVersion(URI.create("http://" + ip + ":5000/"), null, version, waiting);
		return new Bare(seconds(Duration.between(started, built)), seconds(Duration.between(built, running)),
				seconds(Duration.between(running, answered)), seconds(Duration.between(started, answered)));
	}

	/** Asks every 10 ms until the answer is a 200 naming {@code version}; gives up a minute after {@code going} ends. */
	private static Instant awaitVersion(URI uri, String host, String version, AtomicBoolean going) {
		Instant giveUp = Instant.MAX;
		while (Instant.now().isBefore(giveUp)) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2));
			if (host != null) {
				request.header("Host", host);
			}
			try {
				HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains(version)) {
					return Instant.now();
				}
			}
			catch (IOException ex) {
				// Not up yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (!going.get() && giveUp == Instant.MAX) {
				giveUp = Instant.now().plusSeconds(60);
			}
			sleep(10);
		}
		throw new IllegalStateException(uri + " never answered with " + version);
	}

	private static void report(String what, List<Deploy> deploys, List<Bare> bares) {
		double served = median(deploys.stream().map(Deploy::served).toList());
		double pushed = median(deploys.stream().map(Deploy::pushed).toList());
		double bare = median(bares.stream().map(Bare::total).toList());
		System.out.printf("%s: git push to the new version served through the router %.2f s (git push returned after %.2f s); "
				+ "bare docker build + docker run + first 200 %.2f s (build %.2f s, run %.2f s, first 200 %.2f s): %.2f x%n",
				what, served, pushed, bare, median(bares.stream().map(Bare::build).toList()),
				median(bares.stream().map(Bare::run).toList()), median(bares.stream().map(Bare::firstAnswer).toList()),
				served / bare);
		StringBuilder breakdown = new StringBuilder("  where the push's time goes (medians, by the arrival of its output lines):");
		for (String phase : deploys.getFirst().phases().keySet()) {
			List<Double> times = deploys.stream().map(deploy -> deploy.phases().get(phase)).filter(t -> t != null).toList();
			breakdown.append(String.format("%n    %-48s %.2f s", phase, median(times)));
		}
		System.out.println(breakdown);
	}

	private static Map<String, String> phases() {
		Map<String, String> phases = new LinkedHashMap<>();
		phases.put("-----> Building ", "git receive, until the build starts");
		phases.put("Build succeeded in", "build");
		phases.put("web dyno", "release bookkeeping, until the new dyno starts");
		phases.put("are up", "new dyno started and boot-checked");
		phases.put("The router sends requests to", "router switch");
		phases.put("previous dyno", "old dyno told to stop");
		phases.put("Released v", "release recorded");
		return phases;
	}

	private static void removeBareContainers() {
		String containers = DockerCli.run("ps", "-aq", "--filter", "label=" + BARE_LABEL);
		for (String container : containers.isBlank() ? List.<String>of() : List.of(containers.split("\\R"))) {
			DockerCli.tryRun("rm", "-f", container);
		}
		String images = DockerCli.run("images", "-q", "slipway-bench-deploy");
		for (String image : images.isBlank() ? List.<String>of() : List.of(images.split("\\R"))) {
			DockerCli.tryRun("rmi", "-f", image);
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Deploy(double served, double pushed, Map<String, Double> phases, String timeline) {
	}

	private record Bare(double build, double run, double firstAnswer, double total) {
	}

	private record Round(Deploy cold, Bare bareCold, Deploy warm, Bare bareWarm) {
	}

}
