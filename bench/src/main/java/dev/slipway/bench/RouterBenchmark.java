package dev.slipway.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.test.Command;
import dev.slipway.test.DockerCli;
import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures what the router costs a request: wrk against an app's one web dyno through the router
 * and straight to the dyno's container address, with keep-alive and with a new connection per
 * request, for a small body and a 1 MB one. Prints req/s and p99 of both and their ratios, and how
 * many router lines the app's log got for the requests through the router (wrk does not count the
 * requests its end cuts off, so the log may hold a few more). The dyno is nginx serving files, so
 * the dyno is as fast as the router and the router's cost shows.
 * <p>
 * Each run also prints the CPU time per request of every party on the machine's cores: wrk, the
 * router's nginx, the dyno, Slipway's JVM (this one: it reads and stores the router lines) and its
 * PostgreSQL, and Docker's daemons; and how busy the cores were and how much of that was none of
 * them (other programs on the machine). With the cores saturated, req/s is at most cores divided by
 * the CPU per request of what is on the request's path, so the router can reach at most
 * (wrk + dyno) / (wrk + router + dyno) of direct: printed next to the measured ratio, it says
 * whether the router's own CPU is what limits it. Asserts nothing.
 */
public final class RouterBenchmark {

	static final String INSTANCE = System.getProperty("bench.instance", "slipway-bench");

	static final int ROUTER_PORT = Integer.getInteger("bench.router-port", 8900);

	static final String DURATION = System.getProperty("bench.duration", "10s");

	static final int CONNECTIONS = Integer.getInteger("bench.connections", 50);

	static final String DOCKERFILE = """
			FROM slipway/stack:trixie
			ARG DEBIAN_FRONTEND=noninteractive
			RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx > /dev/null \
			 && rm -rf /var/lib/apt/lists/*
			RUN mkdir -p /srv/files && printf 'hello from the dyno\\n' > /srv/files/small \\
			 && head -c 1048576 /dev/zero > /srv/files/1mb && chown -R app:app /srv/files
			COPY --chown=app:app . /app
			USER app
			CMD ["/app/server.sh"]
			""";

	static final String SERVER = """
			#!/bin/sh
			# nginx serving two files on $PORT, as the app user.
			sed "s/PORT_HERE/$PORT/" /app/nginx.conf > /tmp/nginx.conf
			exec nginx -e stderr -c /tmp/nginx.conf -g 'daemon off;'
			""";

	static final String NGINX = """
			worker_processes auto;
			pid /tmp/nginx.pid;
			error_log stderr warn;
			events { worker_connections 4096; }
			http {
			    access_log off;
			    sendfile on;
			    tcp_nodelay on;
			    keepalive_requests 1000000;
			    client_body_temp_path /tmp/client;
			    proxy_temp_path /tmp/proxy;
			    fastcgi_temp_path /tmp/fastcgi;
			    uwsgi_temp_path /tmp/uwsgi;
			    scgi_temp_path /tmp/scgi;
			    server {
			        listen PORT_HERE;
			        root /srv/files;
			        default_type application/octet-stream;
			    }
			}
			""";

	/** A wrk run: its figures, and the CPU time each party used during it, in microseconds. */
	private record Run(double requestsPerSecond, double p99Millis, long requests, String errors,
			Map<String, Long> cpuMicros, CpuMeter.Machine machine) {

		String describe() {
			return String.format(Locale.ROOT, "%,.0f req/s, p99 %.1f ms%s", requestsPerSecond, p99Millis,
					errors.isEmpty() ? "" : " (" + errors + ")");
		}

		/** CPU time per request of one party, in microseconds. */
		double perRequest(String party) {
			return (double) cpuMicros.getOrDefault(party, 0L) / Math.max(requests, 1);
		}

		/** wrk's, the router's (if {@code routed}) and the dyno's CPU per request. */
		double pathPerRequest(boolean routed) {
			return perRequest("wrk") + (routed ? perRequest("router") : 0) + perRequest("dyno");
		}

		String profile(boolean routed) {
			long parties = cpuMicros.values().stream().mapToLong(Long::longValue).sum();
			return String.format(Locale.ROOT,
					"wrk %.0f, %sdyno %.0f, Slipway's JVM %.0f and PostgreSQL %.0f, dockerd/containerd %.0f; "
							+ "%.2f cores busy (softirq %.2f), %.2f of them outside these parties",
					perRequest("wrk"), routed ? String.format(Locale.ROOT, "router %.0f, ", perRequest("router")) : "",
					perRequest("dyno"), perRequest("self"), perRequest("postgres"), perRequest("docker"),
					machine.busyCores(), machine.softirqMicros() / (machine.elapsedNanos() / 1e3),
					Math.max(0, machine.busyMicros() - parties) / (machine.elapsedNanos() / 1e3));
		}

	}

	private RouterBenchmark() {
	}

	public static void main(String[] args) {
		BenchmarkMain.run(RouterBenchmark::measure);
	}

	private static void measure() throws Exception {
		if (!Command.run(List.of("sh", "-c", "command -v wrk"), Duration.ofSeconds(10)).succeeded()) {
			System.err.println("The router benchmark needs wrk, the HTTP load generator: apt-get install -y wrk");
			System.exit(2);
		}
		// Every router line of the runs stays countable: far more lines than the default keeps.
		System.setProperty("slipway.logs.retained-lines", "100000000");
		SlipwayUnderTest slipway = SlipwayUnderTest.dedicated(INSTANCE, ROUTER_PORT);
		String app = slipway.createApp("router-bench");
		GitProject.Push push = GitProject.create()
			.write("Dockerfile", DOCKERFILE)
			.write("server.sh", SERVER)
			.write("nginx.conf", NGINX)
			.commit("nginx serving files")
			.push(slipway, app, slipway.adminToken());
		if (!push.succeeded()) {
			throw new IllegalStateException(push.toString());
		}
		String container = slipway.containers(app, "dev.slipway.dyno=web.1").getFirst();
		String address = DockerCli.run("inspect", "--format",
				"{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container).strip().split(" ")[0];
		String port = DockerCli.run("inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", container)
			.lines()
			.filter(variable -> variable.startsWith("PORT="))
			.findFirst()
			.orElseThrow()
			.substring("PORT=".length());
		String direct = "http://" + address + ":" + port;
		String router = "http://127.0.0.1:" + ROUTER_PORT;
		String host = app + ".localhost";
		JdbcTemplate jdbc = slipway.bean(JdbcTemplate.class);
		long appId = jdbc.queryForObject("select id from apps where name = ?", Long.class, app);

		CpuMeter meter = new CpuMeter().container("router", INSTANCE + "-router")
			.container("dyno", container)
			.container("postgres", slipway.databaseContainer());
		System.out.printf("Router benchmark: wrk -t2 -c%d -d%s, %d cores; direct is the dyno's container address %s%n",
				CONNECTIONS, DURATION, Runtime.getRuntime().availableProcessors(), direct);
		// Warms up the dyno, and the machine's network paths.
		wrk(direct + "/small", null, false, meter);
		long routed = 0;
		long before = maxSeq(jdbc, appId);
		for (boolean newConnections : new boolean[] { false, true }) {
			for (String body : List.of("small", "1mb")) {
				Run straight = wrk(direct + "/" + body, null, newConnections, meter);
				Run through = wrk(router + "/" + body, host, newConnections, meter);
				routed += through.requests();
				System.out.printf(Locale.ROOT, "%-16s %-6s direct %s | router %s | router/direct: %.2f x req/s, %.2f x p99%n",
						newConnections ? "new connections" : "keep-alive", body.equals("1mb") ? "1 MB" : "small",
						straight.describe(), through.describe(), through.requestsPerSecond() / straight.requestsPerSecond(),
						through.p99Millis() / straight.p99Millis());
				System.out.println("    CPU per request (us), direct: " + straight.profile(false));
				System.out.println("    CPU per request (us), router: " + through.profile(true));
				// With the cores saturated, req/s is at most cores / (CPU per request of everything on the path).
				double bound = straight.pathPerRequest(false) / through.pathPerRequest(true);
				double withLog = straight.pathPerRequest(false)
						/ (through.pathPerRequest(true) + through.perRequest("self") + through.perRequest("postgres"));
				System.out.printf(Locale.ROOT,
						"    CPU bound: router/direct at most %.2f x req/s on saturated cores ((wrk + dyno) / (wrk + router + dyno)),"
								+ " %.2f x counting Slipway storing the router lines; measured %.2f x%n",
						bound, withLog, through.requestsPerSecond() / straight.requestsPerSecond());
			}
		}
		Instant loadEnded = Instant.now();
		long stored = awaitRouterLines(jdbc, appId, before, routed);
		System.out.printf(Locale.ROOT,
				"Router lines: %,d in the app's log for %,d requests wrk counted through the router, counted %.1f s after the load%n",
				stored, routed, Duration.between(loadEnded, Instant.now()).toMillis() / 1000.0);
		System.out.println("Targets: router at least 0.8 x direct req/s, p99 at most 1.2 x direct.");
	}

	private static Run wrk(String url, String host, boolean newConnections, CpuMeter meter) {
		// wrk runs under a shell that prints its own /proc stat once wrk ended: the CPU time of the
		// children it waited for is wrk's.
		List<String> command = new ArrayList<>(List.of("sh", "-c",
				"wrk \"$@\"; status=$?; echo \"wrk-cpu $(cat /proc/$$/stat)\"; exit $status", "sh", "-t2",
				"-c" + CONNECTIONS, "-d" + DURATION, "--latency", "--timeout", "10s"));
		if (host != null) {
			command.addAll(List.of("-H", "Host: " + host));
		}
		if (newConnections) {
			command.addAll(List.of("-H", "Connection: close"));
		}
		command.add(url);
		Map<String, Long> before = meter.read();
		Map<Long, Long> daemonsBefore = CpuMeter.dockerDaemons();
		CpuMeter.Machine machineBefore = CpuMeter.machine();
		Command.Result result = Command.run(command, Duration.ofMinutes(2));
		CpuMeter.Machine machine = CpuMeter.machine().minus(machineBefore);
		Map<String, Long> cpu = new LinkedHashMap<>(meter.read());
		cpu.replaceAll((party, micros) -> micros - before.get(party));
		cpu.put("docker", CpuMeter.used(daemonsBefore, CpuMeter.dockerDaemons()));
		if (!result.succeeded()) {
			throw new IllegalStateException("wrk failed: " + result);
		}
		String output = result.output();
		List<String> errors = new ArrayList<>();
		Matcher socketErrors = Pattern.compile("Socket errors: (.*)").matcher(output);
		if (socketErrors.find()) {
			errors.add("socket errors: " + socketErrors.group(1).strip());
		}
		Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
		if (non2xx.find()) {
			errors.add(non2xx.group(1) + " not 2xx");
		}
		Matcher wrkCpu = Pattern.compile("wrk-cpu (.*)").matcher(output);
		if (!wrkCpu.find()) {
			throw new IllegalStateException("No CPU time of wrk in the output:\n" + output);
		}
		cpu.put("wrk", CpuMeter.childrenMicros(wrkCpu.group(1)));
		return new Run(number(output, "Requests/sec:\\s+([\\d.]+)"), p99(output),
				(long) number(output, "(\\d+) requests in"), String.join(", ", errors), cpu, machine);
	}

	private static double p99(String output) {
		Matcher matcher = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)").matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("No p99 in wrk's output:\n" + output);
		}
		double value = Double.parseDouble(matcher.group(1));
		return switch (matcher.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	private static double number(String output, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("No match for " + pattern + " in wrk's output:\n" + output);
		}
		return Double.parseDouble(matcher.group(1));
	}

	private static long maxSeq(JdbcTemplate jdbc, long appId) {
		return jdbc.queryForObject("select coalesce(max(seq), 0) from log_lines where app_id = ?", Long.class, appId);
	}

	/** Waits until the log holds a router line for every counted request, or stops growing for 10 s. */
	private static long awaitRouterLines(JdbcTemplate jdbc, long appId, long afterSeq, long expected)
			throws InterruptedException {
		long stored = 0;
		Instant lastGrowth = Instant.now();
		while (stored < expected && Duration.between(lastGrowth, Instant.now()).toSeconds() < 10) {
			Thread.sleep(200);
			long now = jdbc.queryForObject(
					"select count(*) from log_lines where app_id = ? and seq > ? and source = 'ROUTER'", Long.class, appId,
					afterSeq);
			if (now > stored) {
				stored = now;
				lastGrowth = Instant.now();
			}
		}
		return stored;
	}

}
