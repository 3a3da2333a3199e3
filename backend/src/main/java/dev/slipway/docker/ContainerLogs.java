package dev.slipway.docker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

/** Short reads of a container's output, for error messages. */
public final class ContainerLogs {

	private ContainerLogs() {
	}

	/** The last lines a container wrote to stdout and stderr; empty if it cannot be read. */
	public static List<String> tail(DockerClients docker, String container, int lines) {
		List<String> output = new ArrayList<>();
		LineBuffer buffer = new LineBuffer(output::add);
		try {
			docker.api()
				.logContainerCmd(container)
				.withStdOut(true)
				.withStdErr(true)
				.withTail(lines)
				.exec(new ResultCallback.Adapter<Frame>() {
					@Override
					public void onNext(Frame frame) {
						buffer.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
					}
				})
				.awaitCompletion(10, TimeUnit.SECONDS);
		}
		catch (RuntimeException ex) {
			output.add("(cannot read the output of " + container + ": " + ex.getMessage() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		buffer.flush();
		return output;
	}

}
