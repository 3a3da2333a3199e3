package dev.slipway.docker;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.transport.DockerHttpClient;

import org.springframework.core.task.TaskExecutor;

/**
 * A container's log (stdout and stderr, with Docker's timestamps) read from Docker's multiplexed
 * stream frame by frame, on the given executor. Each frame is one log entry exactly as Docker stored
 * it; docker-java's own reader cuts frames into 1 KiB pieces, which would lose that.
 */
public final class ContainerLogStream implements AutoCloseable {

	/** What the stream hands over: each entry, then the end (with the error if it broke). */
	public interface Listener {

		void entry(StreamType stream, byte[] entry);

		void ended(Throwable error);

	}

	private final DockerHttpClient.Response response;

	private volatile boolean closed;

	private ContainerLogStream(DockerHttpClient.Response response) {
		this.response = response;
	}

	/** Follows the log of a container from {@code since} on ({@link Instant#EPOCH} for all of it), to the nanosecond. */
	public static ContainerLogStream follow(DockerClients docker, String containerId, Instant since, Listener listener,
			TaskExecutor executor) {
		DockerHttpClient.Request request = DockerHttpClient.Request.builder()
			.method(DockerHttpClient.Request.Method.GET)
			.path("/containers/" + URLEncoder.encode(containerId, StandardCharsets.UTF_8)
					+ "/logs?stdout=1&stderr=1&timestamps=1&follow=1&since=" + since.getEpochSecond() + "."
					+ String.format("%09d", since.getNano()))
			.build();
		DockerHttpClient.Response response = docker.streamTransport().execute(request);
		if (response.getStatusCode() != 200) {
			int status = response.getStatusCode();
			closeQuietly(response);
			throw new IllegalStateException("Docker answered " + status + " to reading the log of " + containerId);
		}
		ContainerLogStream stream = new ContainerLogStream(response);
		executor.execute(() -> stream.read(listener));
		return stream;
	}

	private void read(Listener listener) {
		Throwable error = null;
		try (InputStream body = response.getBody()) {
			DataInputStream frames = new DataInputStream(body);
			byte[] header = new byte[8];
			while (true) {
				try {
					frames.readFully(header);
				}
				catch (EOFException end) {
					break;
				}
				int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
						| (header[7] & 0xff);
				byte[] entry = new byte[size];
				frames.readFully(entry);
				listener.entry(header[0] == 2 ? StreamType.STDERR : StreamType.STDOUT, entry);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (!closed) {
				error = ex;
			}
		}
		listener.ended(error);
	}

	@Override
	public void close() {
		closed = true;
		closeQuietly(response);
	}

	private static void closeQuietly(DockerHttpClient.Response response) {
		try {
			response.close();
		}
		catch (Exception ignored) {
			// Closing a finished stream.
		}
	}

}
