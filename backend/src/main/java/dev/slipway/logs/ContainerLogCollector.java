package dev.slipway.logs;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.StreamType;
import dev.slipway.apps.AppDeleted;
import dev.slipway.apps.AppService;
import dev.slipway.docker.ContainerLogStream;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.DockerEventStream;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reads one Docker log stream (stdout and stderr, with timestamps) per container of this
 * installation: dynos, one-off and release containers, and the router, whose access log is split
 * by app. Each stream starts where the store left off for that container, so a restart of Slipway
 * neither loses nor repeats a line.
 */
@Component
class ContainerLogCollector implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ContainerLogCollector.class);

	private static final Set<String> COLLECTED = Set.of(SlipwayLabels.ROLE_DYNO, SlipwayLabels.ROLE_ONE_OFF,
			SlipwayLabels.ROLE_ROUTER);

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final AppLogs logs;

	private final LogWriter writer;

	private final AppService apps;

	/** Containers with a stream open or opening: one stream per container at a time. */
	private final Set<String> following = ConcurrentHashMap.newKeySet();

	private final Map<String, ContainerLogStream> streams = new ConcurrentHashMap<>();

	private final Map<String, Long> appIds = new ConcurrentHashMap<>();

	/** How far each container was read in this run, ahead of what the store has committed. */
	private final Map<String, ContainerCursor> read = new ConcurrentHashMap<>();

	private DockerEventStream events;

	private volatile boolean running;

	private final TaskExecutor executor;

	ContainerLogCollector(DockerClients docker, InstanceSettings instance, AppLogs logs, LogWriter writer,
			AppService apps,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.docker = docker;
		this.instance = instance;
		this.logs = logs;
		this.writer = writer;
		this.apps = apps;
		this.executor = executor;
	}

	@Override
	public void start() {
		running = true;
		Instant since = Instant.now();
		followAll();
		events = new DockerEventStream(docker, Map.of(SlipwayLabels.INSTANCE, instance.name()), this::handle,
				this::followAll, executor);
		events.start(since);
	}

	@Override
	public void stop() {
		running = false;
		if (events != null) {
			events.stop();
		}
		streams.values().forEach(ContainerLogStream::close);
		streams.clear();
		following.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void handle(Event event) {
		if ("destroy".equals(DockerEventStream.action(event))) {
			read.remove(event.getId());
		}
		if ("start".equals(DockerEventStream.action(event))) {
			Map<String, String> labels = DockerEventStream.attributes(event);
			if (COLLECTED.contains(labels.get(SlipwayLabels.ROLE))) {
				follow(event.getId(), labels);
			}
		}
	}

	/** Every container of this installation, running or not: a stopped one may have lines not yet stored. */
	private void followAll() {
		List<Container> containers = docker.api()
			.listContainersCmd()
			.withShowAll(true)
			.withLabelFilter(Map.of(SlipwayLabels.INSTANCE, instance.name()))
			.exec();
		for (Container container : containers) {
			Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
			if (COLLECTED.contains(labels.get(SlipwayLabels.ROLE))) {
				follow(container.getId(), labels);
			}
		}
	}

	private void follow(String containerId, Map<String, String> labels) {
		if (!running) {
			return;
		}
		boolean router = SlipwayLabels.ROLE_ROUTER.equals(labels.get(SlipwayLabels.ROLE));
		Long appId = router ? null : Long.valueOf(labels.get(SlipwayLabels.APP_ID));
		String dyno = labels.get(SlipwayLabels.DYNO);
		ContainerCursor cursor = read.getOrDefault(containerId, writer.cursor(containerId));
		Skip skip = new Skip(cursor);
		DockerLogParser parser = new DockerLogParser((time, text) -> {
			if (skip.skips(time, text)) {
				return;
			}
			read.put(containerId, skip.position());
			if (router) {
				routerLine(containerId, time, text);
			}
			else {
				logs.append(appId, LogSource.APP, dyno, time, text, containerId, time);
			}
		});
		// A second start waits for the first stream to end (see ended).
		if (!following.add(containerId)) {
			return;
		}
		try {
			ContainerLogStream stream = ContainerLogStream.follow(docker, containerId, cursor.lastAt().getEpochSecond(),
					new ContainerLogStream.Listener() {
						@Override
						public void entry(StreamType type, byte[] entry) {
							parser.accept(type, entry);
						}

						@Override
						public void ended(Throwable error) {
							if (error != null) {
								log.debug("The log stream of {} ended: {}", containerId, error.getMessage());
							}
							ContainerLogCollector.this.ended(containerId, labels, parser);
						}
					}, executor);
			streams.put(containerId, stream);
		}
		catch (RuntimeException ex) {
			following.remove(containerId);
			log.debug("Cannot read the log of {}: {}", containerId, ex.getMessage());
		}
	}

	/**
	 * A stream ends when its container stops. If the container runs again already (Docker restarted a
	 * crashed dyno before this stream saw the end), a new stream takes over from the cursor.
	 */
	private void ended(String containerId, Map<String, String> labels, DockerLogParser parser) {
		parser.finish();
		streams.remove(containerId);
		following.remove(containerId);
		if (!running) {
			return;
		}
		try {
			if (Boolean.TRUE.equals(docker.api().inspectContainerCmd(containerId).exec().getState().getRunning())) {
				follow(containerId, labels);
			}
		}
		catch (RuntimeException gone) {
			// Removed: nothing more to read.
		}
	}

	/** Router lines go to their app's log; the container's cursor moves with each of them. */
	private void routerLine(String containerId, Instant time, String text) {
		RouterLogLine line = RouterLogLine.parse(text);
		Long appId = line == null ? null : appId(line.app());
		if (appId != null) {
			logs.append(appId, LogSource.ROUTER, line.dyno(), time, line.text(), containerId, time);
		}
	}

	private Long appId(String name) {
		Long id = appIds.get(name);
		if (id == null) {
			apps.all().forEach(app -> appIds.put(app.name(), app.id()));
			id = appIds.get(name);
		}
		return id;
	}

	/** Once the deletion has committed, so the name is not looked up again while the app still exists. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void appDeleted(AppDeleted event) {
		appIds.remove(event.name());
	}


	/**
	 * Docker resumes a log from a whole second, and may send a line again when it rotates a log
	 * file, so a line is taken only past the position: after its time; at its time, once the lines
	 * stored with that time are skipped and when it is not one already taken at that time.
	 */
	private static final class Skip {

		private ContainerCursor position;

		private int toSkipAtStart;

		private final Set<String> takenAtPosition = new HashSet<>();

		Skip(ContainerCursor start) {
			this.position = start;
			this.toSkipAtStart = start.linesAtLast();
		}

		boolean skips(Instant time, String text) {
			if (time.isBefore(position.lastAt())) {
				return true;
			}
			if (time.equals(position.lastAt())) {
				if (toSkipAtStart > 0) {
					toSkipAtStart--;
					return true;
				}
				if (!takenAtPosition.add(text)) {
					return true;
				}
			}
			else {
				toSkipAtStart = 0;
				takenAtPosition.clear();
				takenAtPosition.add(text);
			}
			position = position.advance(time);
			return false;
		}

		ContainerCursor position() {
			return position;
		}

	}

}
