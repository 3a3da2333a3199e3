package dev.slipway.docker;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

/** Runs a command inside a running container and collects what it prints. */
public final class ContainerExec {

	private ContainerExec() {
	}

	public record Result(long exitCode, String output) {

		public boolean succeeded() {
			return exitCode == 0;
		}

	}

	public static Result run(DockerClients docker, String container, String... command) {
		String execId = docker.api()
			.execCreateCmd(container)
			.withCmd(command)
			.withAttachStdout(true)
			.withAttachStderr(true)
			.exec()
			.getId();
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

}
