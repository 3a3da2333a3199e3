package dev.slipway.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real docker command line, for tests that look at or disturb what Slipway runs. */
public final class DockerCli {

	private DockerCli() {
	}

	/** Runs {@code docker <args>} and returns its standard output; fails the test on a non-zero exit. */
	public static String run(String... args) {
		Result result = tryRun(args);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("docker " + String.join(" ", args) + " failed (" + result.exitCode() + "): "
					+ result.output());
		}
		return result.output().strip();
	}

	public static Result tryRun(String... args) {
		List<String> command = new ArrayList<>();
		command.add("docker");
		command.addAll(Arrays.asList(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish in 5 minutes");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The docker command line is needed by the integration tests", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Removes every container, volume and network labelled as belonging to a Slipway installation. */
	public static void removeInstance(String instance) {
		String filter = "label=dev.slipway.instance=" + instance;
		for (String container : lines(run("ps", "-aq", "--filter", filter))) {
			tryRun("rm", "-f", "-v", container);
		}
		for (String volume : lines(run("volume", "ls", "-q", "--filter", filter))) {
			tryRun("volume", "rm", "-f", volume);
		}
		for (String network : lines(run("network", "ls", "-q", "--filter", filter))) {
			tryRun("network", "rm", network);
		}
	}

	private static List<String> lines(String output) {
		return output.isBlank() ? List.of() : List.of(output.split("\\R"));
	}

	public record Result(int exitCode, String output) {
	}

}
