package dev.slipway.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A real command line, run to its end: its exit code and its output (standard error included). */
public final class Command {

	private Command() {
	}

	public record Result(int exitCode, String output) {

		public boolean succeeded() {
			return exitCode == 0;
		}

	}

	/** Runs {@code command} in the test's working directory with the test's environment. */
	public static Result run(List<String> command, Duration timeout) {
		return run(command, null, environment -> {
		}, timeout, line -> {
		});
	}

	/**
	 * Runs {@code command} in {@code directory} (null: the test's), with the environment as
	 * {@code environment} leaves it, handing each output line to {@code eachLine} as it comes; a command
	 * still running after {@code timeout} is killed and fails the test.
	 */
	public static Result run(List<String> command, Path directory, Consumer<Map<String, String>> environment,
			Duration timeout, Consumer<String> eachLine) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		environment.accept(builder.environment());
		StringBuilder output = new StringBuilder();
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					eachLine.accept(line);
					output.append(line).append('\n');
				}
			}
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
			}
			return new Result(process.exitValue(), output.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
