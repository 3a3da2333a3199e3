package dev.slipway.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.StreamType;
import dev.slipway.docker.ContainerLogStream;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.DockerEventStream;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.logs.LogSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The log feeds of the Docker runtime: one per container of this installation that runs a dyno, a
 * one-off or the router, found by listing them and by Docker's start events, read with Docker's
 * timestamps from its multiplexed log stream.
 */
@Component
class DockerLogSources implements LogSources {

	private static final Logger log = LoggerFactory.getLogger(DockerLogSources.class);

	private static final Set<String> COLLECTED = Set.of(SlipwayLabels.ROLE_DYNO, SlipwayLabels.ROLE_ONE_OFF,
			SlipwayLabels.ROLE_ROUTER);

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final TaskExecutor executor;

	DockerLogSources(DockerClients docker, InstanceSettings instance,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.docker = docker;
		this.instance = instance;
		this.executor = executor;
	}

	@Override
	public AutoCloseable watch(Watcher watcher) {
		Instant since = Instant.now();
		Runnable all = () -> findAll(watcher);
		all.run();
		DockerEventStream events = new DockerEventStream(docker, Map.of(SlipwayLabels.INSTANCE, instance.name()),
				event -> handle(event, watcher), all, executor);
		events.start(since);
		return events::stop;
	}

	@Override
	public AutoCloseable read(LogFeed feed, long sinceEpochSecond, Reader reader) {
		DockerLogParser parser = new DockerLogParser(reader::line);
		AtomicBoolean closed = new AtomicBoolean();
		ContainerLogStream stream = ContainerLogStream.follow(docker, feed.id(), sinceEpochSecond,
				new ContainerLogStream.Listener() {
					@Override
					public void entry(StreamType type, byte[] entry) {
						parser.accept(type, entry);
					}

					@Override
					public void ended(Throwable error) {
						if (error != null) {
							log.debug("The log stream of {} ended: {}", feed.id(), error.getMessage());
						}
						parser.finish();
						reader.ended(!closed.get() && running(feed.id()));
					}
				}, executor);
		return () -> {
			closed.set(true);
			stream.close();
		};
	}

	@Override
	public List<String> feedIds() {
		return docker.api().listContainersCmd().withShowAll(true).exec().stream().map(Container::getId).toList();
	}

	private void handle(Event event, Watcher watcher) {
		String action = DockerEventStream.action(event);
		if ("destroy".equals(action)) {
			watcher.removed(event.getId());
		}
		if ("start".equals(action)) {
			feed(event.getId(), DockerEventStream.attributes(event)).ifPresent(watcher::found);
		}
	}

	private void findAll(Watcher watcher) {
		List<Container> containers = docker.api()
			.listContainersCmd()
			.withShowAll(true)
			.withLabelFilter(Map.of(SlipwayLabels.INSTANCE, instance.name()))
			.exec();
		for (Container container : containers) {
			feed(container.getId(), container.getLabels() == null ? Map.of() : container.getLabels())
				.ifPresent(watcher::found);
		}
	}

	private static Optional<LogFeed> feed(String containerId, Map<String, String> labels) {
		String role = labels.get(SlipwayLabels.ROLE);
		if (!COLLECTED.contains(role)) {
			return Optional.empty();
		}
		if (SlipwayLabels.ROLE_ROUTER.equals(role)) {
			return Optional.of(LogFeed.router(containerId));
		}
		return Optional
			.of(new LogFeed(containerId, Long.valueOf(labels.get(SlipwayLabels.APP_ID)), labels.get(SlipwayLabels.DYNO)));
	}

	/** Whether the container runs again already: Docker restarted a crashed dyno before its stream saw the end. */
	private boolean running(String containerId) {
		try {
			return Boolean.TRUE.equals(docker.api().inspectContainerCmd(containerId).exec().getState().getRunning());
		}
		catch (RuntimeException gone) {
			return false;
		}
	}

}
