package dev.slipway.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real docker command line, for tests that look at or disturb what Slipway runs. */
public final class DockerCli {

	private DockerCli() {
	}

	/** Runs {@code docker <args>} and returns its standard output; fails the test on a non-zero exit. */
	public static String run(String... args) {
		Command.Result result = tryRun(args);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("docker " + String.join(" ", args) + " failed (" + result.exitCode() + "): "
					+ result.output());
		}
		return result.output().strip();
	}

	public static Command.Result tryRun(String... args) {
		List<String> command = new ArrayList<>();
		command.add("docker");
		command.addAll(Arrays.asList(args));
		return Command.run(command, Duration.ofMinutes(5));
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

}
