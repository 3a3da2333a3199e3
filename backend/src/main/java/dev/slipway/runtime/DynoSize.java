package dev.slipway.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Dyno sizes, named as Heroku's: the memory and CPUs Docker lets a dyno use. */
public enum DynoSize {

	BASIC("basic", 512, 0.5), STANDARD_1X("standard-1x", 512, 1), STANDARD_2X("standard-2x", 1024, 2),
	PERFORMANCE_M("performance-m", 2560, 2), PERFORMANCE_L("performance-l", 14336, 4);

	private final String label;

	private final long memoryMib;

	private final double cpus;

	DynoSize(String label, long memoryMib, double cpus) {
		this.label = label;
		this.memoryMib = memoryMib;
		this.cpus = cpus;
	}

	public String label() {
		return label;
	}

	public long memoryBytes() {
		return memoryMib * 1024 * 1024;
	}

	public long memoryMib() {
		return memoryMib;
	}

	public double cpus() {
		return cpus;
	}

	/** Its memory and CPUs in a few words, short enough for a phone: "512 MiB, 1 CPU", "14 GiB, 4 CPU". */
	public String summary() {
		String memory = memoryMib < 1024 ? memoryMib + " MiB" : decimal(memoryMib / 1024.0) + " GiB";
		return memory + ", " + decimal(cpus) + " CPU";
	}

	private static String decimal(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	public static Optional<DynoSize> of(String label) {
		String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(size -> size.label.equals(wanted)).findFirst();
	}

	public static String labels() {
		return Arrays.stream(values()).map(DynoSize::label).collect(Collectors.joining(", "));
	}

}
