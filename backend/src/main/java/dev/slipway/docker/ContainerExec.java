package dev.slipway.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

/** Runs a command inside a running container and collects what it prints, or hands it over as it comes. */
public final class ContainerExec {

	private ContainerExec() {
	}

	public record Result(long exitCode, String output) {

		public boolean succeeded() {
			return exitCode == 0;
		}

	}

	public static Result run(DockerClients docker, String container, String... command) {
		String execId = create(docker, container, command);
		StringBuilder output = new StringBuilder();
		try {
			docker.streams().execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
				@Override
				public void onNext(Frame frame) {
					synchronized (output) {
						output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
					}
				}
			}).awaitCompletion(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running a command in " + container, ex);
		}
		Long exitCode = docker.api().inspectExecCmd(execId).exec().getExitCodeLong();
		synchronized (output) {
			return new Result(exitCode == null ? -1 : exitCode, output.toString());
		}
	}

	/** What a command that keeps printing hands over: its output as it comes, then its end. */
	public interface Listener {

		void stdout(byte[] bytes);

		void stderr(String text);

		/** The command ended or its stream broke ({@code error} then says how), unless it was closed. */
		void ended(Throwable error);

	}

	/**
	 * Starts a command that keeps printing (a follower) and hands over its output until it ends or the
	 * returned handle is closed; closing ends the stream, and the command with its next write.
	 */
	public static AutoCloseable follow(DockerClients docker, String container, Listener listener, String... command) {
		String execId = create(docker, container, command);
		return docker.streams().execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {

			private volatile boolean closed;

			@Override
			public void onNext(Frame frame) {
				if (frame.getStreamType() == StreamType.STDERR) {
					listener.stderr(new String(frame.getPayload(), StandardCharsets.UTF_8));
				}
				else {
					listener.stdout(frame.getPayload());
				}
			}

			@Override
			public void onError(Throwable error) {
				// The template closes itself here: whether the handle was closed before is what counts.
				boolean wasClosed = closed;
				super.onError(error);
				if (!wasClosed) {
					listener.ended(error);
				}
			}

			@Override
			public void onComplete() {
				boolean wasClosed = closed;
				super.onComplete();
				if (!wasClosed) {
					listener.ended(null);
				}
			}

			@Override
			public void close() throws IOException {
				closed = true;
				super.close();
			}

		});
	}

	/** An exec of {@code command} in the container with its output attached, not yet started. */
	private static String create(DockerClients docker, String container, String... command) {
		return docker.api()
			.execCreateCmd(container)
			.withCmd(command)
			.withAttachStdout(true)
			.withAttachStderr(true)
			.exec()
			.getId();
	}

}
