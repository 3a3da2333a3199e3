package dev.slipway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM holds in memory, to say what limits its resident size: the resident set split into
 * anonymous pages (heap, metaspace, code, stacks, malloc) and file-backed ones (the AOT cache's
 * mapping, the JDK's libraries), both counted in the resident size, from {@code /proc}; and the
 * committed memory of the JVM's main categories from its native memory tracker, when the JVM runs
 * with {@code -XX:NativeMemoryTracking=summary}.
 */
record MemoryProfile(double residentMib, double anonymousMib, double fileMib, int threads,
		Map<String, Double> committedMib) {

	/** The tracker's categories as jcmd names them, and how they are printed. */
	private static final Map<String, String> CATEGORIES = categories();

	private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB");

	private static final Pattern MALLOC = Pattern.compile("^\\s+malloc: (\\d+)KB");

	/** The memory the JVM allocated with malloc, in all categories (some of each of the above). */
	private static final String MALLOC_NAME = "malloc'd in all";

	private static Map<String, String> categories() {
		Map<String, String> categories = new LinkedHashMap<>();
		categories.put("Java Heap", "Java heap");
		categories.put("Shared class space", "AOT cache");
		categories.put("Metaspace", "metaspace");
		categories.put("Class", "class space");
		categories.put("Symbol", "symbols");
		categories.put("Code", "code");
		categories.put("Thread", "thread stacks");
		return categories;
	}

	static MemoryProfile of(long pid) throws IOException, InterruptedException {
		return new MemoryProfile(ProcFile.residentMib(pid, false), ProcFile.statusMib(pid, "RssAnon:"),
				ProcFile.statusMib(pid, "RssFile:") + ProcFile.statusMib(pid, "RssShmem:"),
				(int) ProcFile.status(pid, "Threads:"), nativeMemory(pid));
	}

	/** The committed MiB of each category in {@link #CATEGORIES} and of all malloc'd memory, or none without the tracker. */
	private static Map<String, Double> nativeMemory(long pid) throws IOException, InterruptedException {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Process process = new ProcessBuilder(jcmd, String.valueOf(pid), "VM.native_memory", "summary")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(1, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		Map<String, Double> found = new LinkedHashMap<>();
		for (String line : output.split("\n")) {
			Matcher category = CATEGORY.matcher(line);
			if (category.find() && CATEGORIES.containsKey(category.group(1))) {
				found.put(CATEGORIES.get(category.group(1)), Long.parseLong(category.group(2)) / 1024.0);
			}
			Matcher malloc = MALLOC.matcher(line);
			if (malloc.find() && !found.containsKey(MALLOC_NAME)) {
				found.put(MALLOC_NAME, Long.parseLong(malloc.group(1)) / 1024.0);
			}
		}
		Map<String, Double> committed = new LinkedHashMap<>();
		for (String name : CATEGORIES.values()) {
			if (found.containsKey(name)) {
				committed.put(name, found.get(name));
			}
		}
		if (found.containsKey(MALLOC_NAME)) {
			committed.put(MALLOC_NAME, found.get(MALLOC_NAME));
		}
		return committed;
	}

	/** "228 MiB anonymous, 53 MiB file-backed; committed: Java heap 64 MiB, AOT cache 133 MiB, ..., 33 threads". */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(
				String.format("%.0f MiB anonymous, %.0f MiB file-backed", anonymousMib, fileMib));
		if (committedMib.isEmpty()) {
			text.append("; no native memory tracking (the run command did not pass JAVA_OPTS on)");
		}
		else {
			text.append("; committed by the JVM:");
			committedMib.forEach((name, mib) -> text.append(String.format(" %s %.0f MiB,", name, mib)));
		}
		return text.append(String.format(" %d threads", threads)).toString();
	}

}
