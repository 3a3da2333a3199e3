package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.slipway.test.DockerCli;

/**
 * CPU time of the parties to a load run, read before and after it: containers from their cgroup's
 * cpuacct (cgroup v1, Docker's cgroupfs driver) or cpu.stat (cgroup v2), processes from
 * {@code /proc/<pid>/stat}, the machine from {@code /proc/stat}. All in microseconds.
 */
final class CpuMeter {

	private static final double MICROS_PER_TICK = 1e6 / 100;

	/** The machine's cores: busy (all but idle and iowait) and softirq time, summed over every core. */
	record Machine(long busyMicros, long softirqMicros, long elapsedNanos) {

		Machine minus(Machine before) {
			return new Machine(busyMicros - before.busyMicros, softirqMicros - before.softirqMicros,
					elapsedNanos - before.elapsedNanos);
		}

		/** How many cores were busy on average. */
		double busyCores() {
			return busyMicros / (elapsedNanos / 1e3);
		}

	}

	private final Map<String, Path> containers = new LinkedHashMap<>();

	/** Counts {@code container}'s CPU time as {@code party}'s (several containers may add to one party). */
	CpuMeter container(String party, String container) {
		String id = DockerCli.run("inspect", "--format", "{{.Id}}", container).strip();
		Path path = Stream
			.of(Path.of("/sys/fs/cgroup/cpuacct/docker", id, "cpuacct.usage"),
					Path.of("/sys/fs/cgroup/system.slice/docker-" + id + ".scope/cpu.stat"),
					Path.of("/sys/fs/cgroup/docker", id, "cpu.stat"))
			.filter(Files::isReadable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No readable CPU accounting for container " + container
					+ " under /sys/fs/cgroup (cgroup v1 cpuacct or v2 cpu.stat)"));
		containers.merge(party, path, (first, second) -> {
			throw new IllegalArgumentException(party + " has a container already");
		});
		return this;
	}

	/** CPU time so far of each container party and of this JVM ("self"). */
	Map<String, Long> read() {
		Map<String, Long> micros = new LinkedHashMap<>();
		containers.forEach((party, path) -> micros.put(party, containerMicros(path)));
		micros.put("self", processMicros(ProcessHandle.current().pid()));
		return micros;
	}

	/**
	 * CPU time so far of each process of Docker's daemons (dockerd, containerd and its shims) by pid, so
	 * that a difference counts only the processes that lived through it.
	 */
	static Map<Long, Long> dockerDaemons() {
		Map<Long, Long> micros = new LinkedHashMap<>();
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				String command = readOrEmpty(process.resolve("comm")).strip();
				if (command.equals("dockerd") || command.startsWith("containerd")) {
					long pid = Long.parseLong(process.getFileName().toString());
					micros.put(pid, processMicros(pid));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return micros;
	}

	/** The CPU time processes in both readings used between them. */
	static long used(Map<Long, Long> before, Map<Long, Long> after) {
		return after.entrySet()
			.stream()
			.filter(process -> before.containsKey(process.getKey()))
			.mapToLong(process -> Math.max(0, process.getValue() - before.get(process.getKey())))
			.sum();
	}

	static Machine machine() {
		String[] cpu = readOrEmpty(Path.of("/proc/stat")).lines().findFirst().orElseThrow().split("\\s+");
		long total = 0;
		// user nice system idle iowait irq softirq steal: guest time is already counted in user.
		for (int field = 1; field <= 8; field++) {
			total += Long.parseLong(cpu[field]);
		}
		long busy = total - Long.parseLong(cpu[4]) - Long.parseLong(cpu[5]);
		return new Machine((long) (busy * MICROS_PER_TICK), (long) (Long.parseLong(cpu[7]) * MICROS_PER_TICK),
				System.nanoTime());
	}

	/** A process's user and system time. */
	static long processMicros(long pid) {
		String stat = readOrEmpty(Path.of("/proc", String.valueOf(pid), "stat"));
		return stat.isEmpty() ? 0 : ticksToMicros(stat, 11);
	}

	/**
	 * The CPU time of a process's waited-for children from a copy of its {@code /proc/<pid>/stat}
	 * (cutime and cstime).
	 */
	static long childrenMicros(String stat) {
		return ticksToMicros(stat, 13);
	}

	private static long ticksToMicros(String stat, int first) {
		// The command name in parentheses may hold spaces: count the fields after its closing one.
		List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).strip().split(" "));
		return (long) ((Long.parseLong(fields.get(first)) + Long.parseLong(fields.get(first + 1))) * MICROS_PER_TICK);
	}

	private static long containerMicros(Path path) {
		String content = readOrEmpty(path).strip();
		if (path.getFileName().toString().equals("cpuacct.usage")) {
			return Long.parseLong(content) / 1000;
		}
		return content.lines()
			.filter(line -> line.startsWith("usage_usec "))
			.mapToLong(line -> Long.parseLong(line.substring("usage_usec ".length())))
			.findFirst()
			.orElseThrow();
	}

	private static String readOrEmpty(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			// A process that ended between listing and reading.
			return "";
		}
	}

}
