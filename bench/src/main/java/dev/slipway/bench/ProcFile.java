package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A process's resident memory and CPU time as Linux's {@code /proc} tells them. */
final class ProcFile {

	/** Linux counts CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture it runs the JDK on. */
	static final double TICKS_PER_SECOND = 100;

	private ProcFile() {
	}

	/** VmRSS, or VmHWM (the peak) for {@code peak}, in MiB. */
	static double residentMib(long pid, boolean peak) {
		return statusMib(pid, peak ? "VmHWM:" : "VmRSS:");
	}

	/** A size in {@code /proc/<pid>/status}, such as {@code RssAnon:} or {@code RssFile:}, in MiB. */
	static double statusMib(long pid, String field) {
		return status(pid, field) / 1024.0;
	}

	/** A number in {@code /proc/<pid>/status} (sizes in kB). */
	static long status(long pid, String field) {
		for (String line : read(pid, "status").split("\n")) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
			}
		}
		throw new IllegalStateException("No " + field + " in /proc/" + pid + "/status");
	}

	/** The share of one core the process used over {@code interval} (user and system time), in percent. */
	static double cpuPercent(long pid, Duration interval) throws InterruptedException {
		long before = cpuTicks(pid);
		long started = System.nanoTime();
		Thread.sleep(interval);
		long ticks = cpuTicks(pid) - before;
		double seconds = (System.nanoTime() - started) / 1e9;
		return ticks / TICKS_PER_SECOND / seconds * 100;
	}

	/** The CPU time (user and system) the process used so far, in seconds. */
	static double cpuSeconds(long pid) {
		return cpuTicks(pid) / TICKS_PER_SECOND;
	}

	/** The load average over the last minute, from {@code /proc/loadavg}. */
	static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static long cpuTicks(long pid) {
		String stat = read(pid, "stat");
		// The command name in parentheses may hold spaces: count the fields after its closing one.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static String read(long pid, String file) {
		try {
			return Files.readString(Path.of("/proc", String.valueOf(pid), file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
