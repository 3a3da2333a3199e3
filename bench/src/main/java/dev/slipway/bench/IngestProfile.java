package dev.slipway.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import dev.slipway.test.DockerCli;

/**
 * Where the CPU goes while a flood is ingested: the cores used by the Slipway under test (this JVM),
 * PostgreSQL's container, the Docker daemon (which writes the dyno's json-file log and serves it) and
 * the whole machine; and a JFR profile of the Slipway, its samples of running Java code shared out
 * between reading the Docker streams, the writer and the rest, with the hottest methods of each.
 */
final class IngestProfile {

	private static final int TOP = 6;

	private final Recording recording = new Recording();

	private final Path postgresCpu;

	private final long dockerd;

	private final long startedNanos = System.nanoTime();

	private final long machineBusyBefore;

	private final long postgresBefore;

	private final long dockerdBefore;

	private final long jvmBefore;

	private final long gcBefore;

	/** Cores used while measuring, once stopped. */
	private double jvm;

	private double postgres;

	private double docker;

	private IngestProfile(String postgresContainer) {
		String id = DockerCli.run("inspect", "-f", "{{.Id}}", postgresContainer).strip();
		postgresCpu = Path.of("/sys/fs/cgroup/cpuacct/docker", id, "cpuacct.usage");
		dockerd = Long.parseLong(run("pidof", "dockerd").split(" ")[0].strip());
		recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
		recording.start();
		machineBusyBefore = machineBusyTicks();
		postgresBefore = cgroupNanos();
		dockerdBefore = ProcFile.cpuTicks(dockerd);
		jvmBefore = jvmCpuNanos();
		gcBefore = gcMillis();
	}

	/** Starts measuring; {@code postgresContainer} is the Slipway's database container. */
	static IngestProfile start(String postgresContainer) {
		return new IngestProfile(postgresContainer);
	}

	/** Stops measuring and describes it, several lines indented for the benchmark's output. */
	String stop() throws IOException {
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		double machine = (machineBusyTicks() - machineBusyBefore) / ProcFile.TICKS_PER_SECOND / seconds;
		postgres = (cgroupNanos() - postgresBefore) / 1e9 / seconds;
		docker = (ProcFile.cpuTicks(dockerd) - dockerdBefore) / ProcFile.TICKS_PER_SECOND / seconds;
		jvm = (jvmCpuNanos() - jvmBefore) / 1e9 / seconds;
		long gc = gcMillis() - gcBefore;
		recording.stop();
		Path file = Files.createTempFile("ingest", ".jfr");
		recording.dump(file);
		recording.close();
		List<RecordedEvent> samples = RecordingFile.readAllEvents(file);
		Files.delete(file);
		StringBuilder out = new StringBuilder();
		out.append(String.format("  CPU over %.0f s, in cores of %d: Slipway's JVM %.2f (GC pauses %d ms), PostgreSQL %.2f, "
				+ "dockerd %.2f, the whole machine %.2f; load average %s%n", seconds,
				Runtime.getRuntime().availableProcessors(), jvm, gc, postgres, docker, machine, loadAverage()));
		Map<String, Map<String, Integer>> parts = new LinkedHashMap<>();
		for (String part : List.of("reader", "writer", "other")) {
			parts.put(part, new HashMap<>());
		}
		for (RecordedEvent sample : samples) {
			if (sample.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = sample.getStackTrace().getFrames();
			String top = frames.isEmpty() ? "?" : method(frames.get(0));
			parts.get(part(frames)).merge(top, 1, Integer::sum);
		}
		int total = Math.max(1, samples.size());
		out.append(String.format("  JFR samples of running Java code in Slipway's JVM (%d):%n", samples.size()));
		parts.forEach((part, tops) -> {
			int count = tops.values().stream().mapToInt(Integer::intValue).sum();
			out.append(String.format("    %s %.0f%% (%.2f cores): %s%n", describe(part), 100.0 * count / total,
					jvm * count / total, tops.entrySet()
						.stream()
						.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
						.limit(TOP)
						.map(top -> top.getKey() + " " + Math.round(100.0 * top.getValue() / total) + "%")
						.collect(Collectors.joining(", "))));
		});
		return out.toString();
	}

	/**
	 * The CPU each stored line took of Slipway, PostgreSQL and dockerd at the rate measured, and the
	 * cores the three would need together at {@code target} lines/s, against the cores there are.
	 */
	String perLine(double rate, int target) {
		double slipway = jvm / rate * 1e6;
		double database = postgres / rate * 1e6;
		double daemon = docker / rate * 1e6;
		double total = slipway + database + daemon;
		return String.format("  CPU per stored line: Slipway's JVM %.1f µs, PostgreSQL %.1f µs, dockerd %.1f µs, %.1f µs in "
				+ "all; at %,d lines/s that is %.2f cores, of the %d this machine has%n", slipway, database, daemon, total,
				target, total * target / 1e6, Runtime.getRuntime().availableProcessors());
	}

	private static String describe(String part) {
		return switch (part) {
			case "reader" -> "reading the Docker streams (parsing, numbering, queueing)";
			case "writer" -> "the log writer (COPY text, driver, cursors)";
			default -> "the rest (the benchmark's own queries, the router log, Spring)";
		};
	}

	private static String part(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (type.equals("dev.slipway.docker.ContainerLogStream")) {
				return "reader";
			}
			if (type.equals("dev.slipway.logs.LogWriter")) {
				return "writer";
			}
		}
		return "other";
	}

	private static String method(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	private long cgroupNanos() {
		try {
			return Long.parseLong(Files.readString(postgresCpu).strip());
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** CPU ticks the machine spent busy (all but idle and waiting for I/O), from /proc/stat. */
	private static long machineBusyTicks() {
		try {
			String[] fields = Files.readString(Path.of("/proc/stat")).lines().findFirst().orElseThrow().split("\\s+");
			long busy = 0;
			for (int i = 1; i < fields.length; i++) {
				if (i != 4 && i != 5) {
					busy += Long.parseLong(fields[i]);
				}
			}
			return busy;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes());
			process.waitFor();
			return out;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
