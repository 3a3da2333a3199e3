package dev.slipway.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A project on disk driven with the real {@code git} command line: files written by the test,
 * commits, and pushes whose output is kept line by line with the time each line arrived.
 */
public final class GitProject {

	private final Path directory;

	private GitProject(Path directory) {
		this.directory = directory;
	}

	/** A new repository on branch main, empty. */
	public static GitProject create() {
		try {
			GitProject project = new GitProject(Files.createTempDirectory("slipway-app-"));
			project.git("init", "-q", "-b", "main");
			project.git("config", "user.email", "developer@slipway.test");
			project.git("config", "user.name", "Developer");
			return project;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new repository holding a sample app from {@code src/test/resources/sample-apps/<name>}, committed. */
	public static GitProject sample(String name) {
		GitProject project = create();
		String folder = "sample-apps/" + name + "/";
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "**");
			for (Resource file : files) {
				String url = file.getURL().toString();
				if (file.isReadable() && !url.endsWith("/")) {
					try (InputStream in = file.getInputStream()) {
						project.write(url.substring(url.lastIndexOf(folder) + folder.length()),
								new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
			if (files.length == 0) {
				throw new IllegalArgumentException("No sample app " + name);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return project.commit("Sample app " + name);
	}

	/** Writes a file; shell scripts become executable. */
	public GitProject write(String path, String content) {
		try {
			Path file = directory.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
			if (path.endsWith(".sh")) {
				file.toFile().setExecutable(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Writes a file of bytes, for content that is not text (an incompressible blob, say). */
	public GitProject write(String path, byte[] content) {
		try {
			Path file = directory.resolve(path);
			Files.createDirectories(file.getParent());
			Files.write(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public String read(String path) {
		try {
			return Files.readString(directory.resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Replaces text in a file, failing when it is not there. */
	public GitProject replace(String path, String text, String replacement) {
		String content = read(path);
		if (!content.contains(text)) {
			throw new IllegalArgumentException(path + " does not contain " + text);
		}
		return write(path, content.replace(text, replacement));
	}

	public GitProject delete(String path) {
		try {
			Files.delete(directory.resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public GitProject commit(String message) {
		git("add", "-A");
		git("commit", "-q", "--allow-empty", "-m", message);
		return this;
	}

	/** Where the project lies on disk, for tools that read it directly (a bare {@code docker build}, say). */
	public Path directory() {
		return directory;
	}

	public String head() {
		return git("rev-parse", "HEAD").strip();
	}

	/** Pushes a branch to an app of the Slipway under test, with a token as the password. */
	public Push push(ControlPlane slipway, String app, String token, String... options) {
		return push(slipway.gitUrl(app, token), options);
	}

	/** Runs {@code git push <url> <options>} (main by default), keeping each output line with its arrival time. */
	public Push push(String url, String... options) {
		return push(url, line -> {
		}, options);
	}

	/** Like {@link #push(String, String...)}, with more environment for git ({@code GIT_SSL_CAINFO}, say). */
	public Push push(String url, Map<String, String> environment, String... options) {
		return push(url, environment, line -> {
		}, options);
	}

	/** Like {@link #push(String, String...)}, handing each output line to {@code eachLine} as it arrives. */
	public Push push(String url, Consumer<String> eachLine, String... options) {
		return push(url, Map.of(), eachLine, options);
	}

	private Push push(String url, Map<String, String> environment, Consumer<String> eachLine, String... options) {
		// No prompts and no credential helpers of the machine: the URL carries the token.
		List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper=", "push", url));
		command.addAll(options.length == 0 ? List.of("main") : Arrays.asList(options));
		Instant started = Instant.now();
		List<Push.Line> lines = new ArrayList<>();
		Command.Result result = Command.run(command, directory, variables -> {
			variables.put("GIT_TERMINAL_PROMPT", "0");
			variables.putAll(environment);
		},
				Duration.ofMinutes(20), line -> {
					for (String part : line.split("\r")) {
						lines.add(new Push.Line(Instant.now(), part.stripTrailing()));
						eachLine.accept(part);
					}
				});
		return new Push(result.exitCode(), lines, started, Instant.now());
	}

	public String git(String... args) {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(Arrays.asList(args));
		Command.Result result = Command.run(command, directory, environment -> {
		}, Duration.ofMinutes(5), line -> {
		});
		if (!result.succeeded()) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
		}
		return result.output();
	}

	/** What a push printed, line by line, and how it ended. */
	public record Push(int exitCode, List<Line> lines, Instant started, Instant finished) {

		public boolean succeeded() {
			return exitCode == 0;
		}

		public String output() {
			return String.join("\n", lines.stream().map(Line::text).toList());
		}

		public Duration duration() {
			return Duration.between(started, finished);
		}

		/** When the first line containing {@code text} arrived. */
		public Instant arrivalOf(String text) {
			return lines.stream()
				.filter(line -> line.text().contains(text))
				.map(Line::arrived)
				.findFirst()
				.orElseThrow(() -> new AssertionError("The push output has no line with " + text + ":\n" + output()));
		}

		@Override
		public String toString() {
			return "git push exited " + exitCode + ":\n" + output();
		}

		public record Line(Instant arrived, String text) {
		}

	}

}
