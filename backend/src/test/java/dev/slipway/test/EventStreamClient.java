package dev.slipway.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent events client, as a browser's EventSource: events with their ids, and when each arrived. */
public final class EventStreamClient implements AutoCloseable {

	public record Event(String id, String data, Instant arrived) {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final InputStream body;

	private final Thread reader;

	private EventStreamClient(InputStream body) {
		this.body = body;
		this.reader = Thread.ofVirtual().start(this::read);
	}

	/** Connects with the session of {@code http}, sending Last-Event-ID when resuming. */
	public static EventStreamClient connect(HttpClient client, String url, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The event stream answered " + response.statusCode());
			}
			return new EventStreamClient(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			String id = null;
			StringBuilder data = new StringBuilder();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						events.add(new Event(id, data.toString(), Instant.now()));
					}
					id = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					if (!data.isEmpty()) {
						data.append('\n');
					}
					data.append(line.substring(5));
				}
			}
		}
		catch (IOException closed) {
			// The stream was closed.
		}
	}

	/** The events that arrive within {@code wait} (from now). */
	public List<Event> collect(Duration wait) throws InterruptedException {
		List<Event> collected = new ArrayList<>();
		Instant deadline = Instant.now().plus(wait);
		while (Instant.now().isBefore(deadline)) {
			Event event = events.poll(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
			if (event != null) {
				collected.add(event);
			}
		}
		return collected;
	}

	/** Whether the server ended the stream within {@code wait}. */
	public boolean awaitEnd(Duration wait) throws InterruptedException {
		return reader.join(wait);
	}

	@Override
	public void close() {
		try {
			body.close();
		}
		catch (IOException ignored) {
			// Closing.
		}
		reader.interrupt();
	}

}
