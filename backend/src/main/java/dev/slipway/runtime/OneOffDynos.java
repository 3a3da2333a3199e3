package dev.slipway.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.Frame;
import dev.slipway.apps.App;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.LineBuffer;
import dev.slipway.errors.SlipwayException;
import dev.slipway.logs.AppLogs;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * One-off dynos ({@code run.N}): a command in a fresh container of the current release with the
 * app's environment, attached (its output streams back) or detached (its output goes to the logs),
 * removed when done. The release phase runs the same way.
 */
@Service
class OneOffDynos {

	/** Detached containers stay a moment after exiting, so the log collector reads their last lines. */
	static final Duration REMOVAL_DELAY = Duration.ofSeconds(5);

	static final Duration DETACHED_LIMIT = Duration.ofHours(24);

	/** How long the exit status of an interactive dyno may take once its output has ended. */
	static final Duration EXIT_WAIT = Duration.ofSeconds(30);

	private final DynoContainers containers;

	private final DockerClients docker;

	private final Deployments deployments;

	private final AppLogs logs;

	private final Map<Long, AtomicInteger> counters = new ConcurrentHashMap<>();

	private final TaskExecutor executor;

	OneOffDynos(DynoContainers containers, DockerClients docker, Deployments deployments, AppLogs logs,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.containers = containers;
		this.docker = docker;
		this.deployments = deployments;
		this.logs = logs;
		this.executor = executor;
	}

	/** Runs a command attached: each line of output to {@code output}; returns the exit status. */
	public int runAttached(App app, String command, Consumer<String> output, Duration timeout) {
		DeploySpec spec = current(app);
		return run(spec, nextDyno(app), "run", command(command), output, timeout);
	}

	/** Starts a command detached and returns its dyno name; its output goes to the app's logs. */
	public String runDetached(App app, String command) {
		DeploySpec spec = current(app);
		String dyno = nextDyno(app);
		String id = containers.createOneOff(spec, dyno, command(command), "run");
		logs.platform(app.id(), dyno, "Starting process with command `" + command + "`");
		containers.start(id);
		executor.execute(() -> {
			try {
				awaitExit(id, DETACHED_LIMIT);
				Thread.sleep(REMOVAL_DELAY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// Killed or timed out: removed all the same.
			}
			containers.stopAndRemove(id);
		});
		return dyno;
	}

	/**
	 * Starts a command with its stdin open to the caller, with a TTY or without ({@code terminal} null),
	 * attached before it starts so no output is missed. The container is removed once it exits or is
	 * stopped.
	 */
	public InteractiveDyno runInteractive(App app, String command, TerminalSize terminal, String term,
			InteractiveOutput output) {
		DeploySpec spec = current(app);
		String dyno = nextDyno(app);
		String id = containers.createInteractive(spec, dyno, command(command), terminal, term);
		ContainerAttach attach;
		try {
			attach = ContainerAttach.open(docker.config(), id, terminal != null);
		}
		catch (IOException ex) {
			containers.remove(id);
			throw new DeployFailed("Could not attach to " + dyno + ": " + ex.getMessage());
		}
		try {
			logs.platform(app.id(), dyno, "Starting process with command `" + command + "`, attached");
			containers.start(id);
			if (terminal != null) {
				// Docker sizes a TTY only once it runs; the command gets a SIGWINCH, so it draws for the new size.
				containers.resize(id, terminal);
			}
		}
		catch (RuntimeException ex) {
			close(attach);
			containers.remove(id);
			throw ex;
		}
		Interactive session = new Interactive(dyno, id, attach);
		executor.execute(() -> session.pump(output));
		return session;
	}

	/** An interactive dyno's container, its attached streams, and whether its client stopped it. */
	private final class Interactive implements InteractiveDyno {

		private final String dyno;

		private final String containerId;

		private final ContainerAttach attach;

		private volatile boolean stopped;

		Interactive(String dyno, String containerId, ContainerAttach attach) {
			this.dyno = dyno;
			this.containerId = containerId;
			this.attach = attach;
		}

		@Override
		public String dyno() {
			return dyno;
		}

		@Override
		public void write(ByteBuffer bytes) throws IOException {
			attach.write(bytes);
		}

		@Override
		public void closeInput() throws IOException {
			attach.closeInput();
		}

		@Override
		public void resize(TerminalSize size) {
			containers.resize(containerId, size);
		}

		@Override
		public void stop() {
			stopped = true;
			close(attach);
			containers.remove(containerId);
		}

		void pump(InteractiveOutput output) {
			try {
				attach.pump(new ContainerAttach.Output() {
					@Override
					public void stdout(ByteBuffer bytes) {
						output.stdout(bytes);
					}

					@Override
					public void stderr(ByteBuffer bytes) {
						output.stderr(bytes);
					}
				});
				// The output ends when the container exits; its status is there at once, or very soon.
				int status = awaitExit(containerId, EXIT_WAIT);
				if (!stopped) {
					output.exited(status);
				}
			}
			catch (IOException | RuntimeException ex) {
				if (!stopped) {
					output.failed(dyno + " ended without an exit status: " + ex.getMessage());
				}
			}
			finally {
				close(attach);
				containers.remove(containerId);
			}
		}

	}

	private static void close(ContainerAttach attach) {
		try {
			attach.close();
		}
		catch (IOException ex) {
			// Closing is all that was left to do with it.
		}
	}

	/** Runs a command to completion in a fresh container of {@code spec}, streaming its output. */
	int run(DeploySpec spec, String dyno, String processType, String command, Consumer<String> output,
			Duration timeout) {
		String id = containers.createOneOff(spec, dyno, command, processType);
		logs.platform(spec.appId(), dyno, "Starting process with command `" + command + "`");
		LineBuffer lines = new LineBuffer(output);
		ResultCallback.Adapter<Frame> attached = new ResultCallback.Adapter<>() {
			@Override
			public void onNext(Frame frame) {
				lines.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
			}
		};
		try {
			// Attached before it starts, as `docker run` does, its output streams while it runs, so little is
			// left in flight once it exits. A log follow opened after the start could, on a loaded host, still
			// be on its way when the short wait after the exit ended, and the output was lost.
			docker.streams()
				.attachContainerCmd(id)
				.withStdOut(true)
				.withStdErr(true)
				.withFollowStream(true)
				.exec(attached);
			attached.awaitStarted();
			containers.start(id);
			int status = awaitExit(id, timeout);
			attached.awaitCompletion(5, TimeUnit.SECONDS);
			lines.flush();
			return status;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeployFailed(dyno + " was interrupted.");
		}
		finally {
			containers.remove(id);
		}
	}

	private int awaitExit(String containerId, Duration timeout) {
		try {
			return docker.streams()
				.waitContainerCmd(containerId)
				.exec(new WaitContainerResultCallback())
				.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (DockerClientException ex) {
			throw new DeployFailed("The command did not finish within " + timeout.toMinutes() + " min and was stopped.");
		}
	}

	/** Refuses, before anything starts, an app that has nothing deployed to run a command in. */
	public void requireDeployed(App app) {
		current(app);
	}

	private DeploySpec current(App app) {
		return deployments.findById(app.id())
			.map(deployment -> deployment.spec(app.name()))
			.orElseThrow(() -> SlipwayException.conflict("not_deployed",
					app.name() + " has no release yet: push code before running commands."));
	}

	private String nextDyno(App app) {
		return "run." + counters.computeIfAbsent(app.id(), id -> new AtomicInteger()).incrementAndGet();
	}

	private static String command(String command) {
		if (command == null || command.isBlank()) {
			throw SlipwayException.invalid("invalid_command", "Give a command to run, such as \"bash\" or \"rake db:migrate\".");
		}
		return command;
	}

}
