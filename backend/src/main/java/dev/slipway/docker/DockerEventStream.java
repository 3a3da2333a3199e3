package dev.slipway.docker;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskExecutor;

/**
 * Follows Docker's container events for containers with the given labels, from a point in time, as a
 * task on the executor it is given; when the stream breaks it reconnects from where it broke and says
 * so, because anything may have changed meanwhile (a Docker restart gives containers new addresses).
 */
public final class DockerEventStream {

	private static final Logger log = LoggerFactory.getLogger(DockerEventStream.class);

	private final DockerClients docker;

	private final Map<String, String> labels;

	private final Consumer<Event> handler;

	private final Runnable onReconnect;

	private volatile boolean running;

	private final TaskExecutor executor;

	private volatile ResultCallback.Adapter<Event> stream;

	public DockerEventStream(DockerClients docker, Map<String, String> labels, Consumer<Event> handler,
			Runnable onReconnect, TaskExecutor executor) {
		this.docker = docker;
		this.labels = labels;
		this.handler = handler;
		this.onReconnect = onReconnect;
		this.executor = executor;
	}

	/** The event's action ("start", "die", …) and the labels of its container. */
	public static String action(Event event) {
		return event.getAction() != null ? event.getAction() : event.getStatus();
	}

	public static Map<String, String> attributes(Event event) {
		return event.getActor() == null || event.getActor().getAttributes() == null ? Map.of()
				: event.getActor().getAttributes();
	}

	public synchronized void start(Instant since) {
		running = true;
		executor.execute(() -> follow(since));
	}

	/** Ends the stream; closing it ends the task's wait for the next event. */
	public synchronized void stop() {
		running = false;
		close(stream);
	}

	private static void close(ResultCallback.Adapter<Event> current) {
		if (current != null) {
			try {
				current.close();
			}
			catch (Exception ignored) {
				// Closing a broken stream.
			}
		}
	}

	private void follow(Instant since) {
		Instant from = since;
		while (running) {
			Instant connected = Instant.now();
			try {
				stream = docker.streams()
					.eventsCmd()
					.withEventTypeFilter(EventType.CONTAINER)
					.withLabelFilter(labels)
					.withSince(String.valueOf(from.getEpochSecond()))
					.exec(new ResultCallback.Adapter<>() {
						@Override
						public void onNext(Event event) {
							try {
								handler.accept(event);
							}
							catch (RuntimeException ex) {
								log.warn("Handling the Docker event {} of {} failed: {}", action(event), event.getId(),
										ex.getMessage());
							}
						}
					});
				if (!running) {
					// Stopped while connecting: the stop closed the stream before this one.
					close(stream);
					return;
				}
				stream.awaitCompletion();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("The Docker event stream broke ({}); reconnecting", ex.getMessage());
			}
			if (!running) {
				return;
			}
			try {
				// Docker restarting refuses connections for a while; retry no faster than once a second.
				TimeUnit.SECONDS.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!running) {
				return;
			}
			from = connected;
			onReconnect.run();
		}
	}

}
