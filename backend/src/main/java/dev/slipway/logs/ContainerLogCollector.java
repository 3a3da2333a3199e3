package dev.slipway.logs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Frame;
import dev.slipway.apps.AppDeleted;
import dev.slipway.apps.AppService;
import dev.slipway.docker.DockerClients;
import dev.slipway.docker.DockerEventStream;
import dev.slipway.docker.SlipwayLabels;
import dev.slipway.instance.InstanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

	private final Map<String, ResultCallback.Adapter<Frame>> following = new ConcurrentHashMap<>();

	private final Map<String, Long> appIds = new ConcurrentHashMap<>();

	/** How far each container was read in this run, ahead of what the store has committed. */
	private final Map<String, ContainerCursor> read = new ConcurrentHashMap<>();

	private DockerEventStream events;

	private volatile boolean running;

	ContainerLogCollector(DockerClients docker, InstanceSettings instance, AppLogs logs, LogWriter writer,
			AppService apps) {
		this.docker = docker;
		this.instance = instance;
		this.logs = logs;
		this.writer = writer;
		this.apps = apps;
	}

	@Override
	public void start() {
		running = true;
		Instant since = Instant.now();
		followAll();
		events = new DockerEventStream(docker, Map.of(SlipwayLabels.INSTANCE, instance.name()), this::handle,
				this::followAll);
		events.start(since, "log-events");
	}

	@Override
	public void stop() {
		running = false;
		if (events != null) {
			events.stop();
		}
		following.values().forEach(this::close);
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
			if (skip.skips(time)) {
				return;
			}
			read.merge(containerId, cursor.advance(time), (previous, ignored) -> previous.advance(time));
			if (router) {
				routerLine(containerId, time, text);
			}
			else {
				logs.append(appId, LogSource.APP, dyno, time, text, containerId, time);
			}
		});
		ResultCallback.Adapter<Frame> stream = new ResultCallback.Adapter<>() {
			@Override
			public void onNext(Frame frame) {
				parser.accept(frame.getStreamType(), frame.getPayload());
			}

			@Override
			public void onComplete() {
				ended(containerId, labels, parser, this);
				super.onComplete();
			}

			@Override
			public void onError(Throwable throwable) {
				log.debug("The log stream of {} ended: {}", containerId, throwable.getMessage());
				ended(containerId, labels, parser, this);
				super.onError(throwable);
			}
		};
		// One stream per container: a second start waits for the first to end (see ended).
		if (following.putIfAbsent(containerId, stream) != null) {
			return;
		}
		try {
			docker.streams()
				.logContainerCmd(containerId)
				.withStdOut(true)
				.withStdErr(true)
				.withTimestamps(true)
				.withFollowStream(true)
				.withSince((int) cursor.lastAt().getEpochSecond())
				.exec(stream);
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
	private void ended(String containerId, Map<String, String> labels, DockerLogParser parser,
			ResultCallback.Adapter<Frame> stream) {
		parser.finish();
		following.remove(containerId, stream);
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

	@EventListener
	void appDeleted(AppDeleted event) {
		appIds.remove(event.name());
	}

	private void close(ResultCallback.Adapter<Frame> stream) {
		try {
			stream.close();
		}
		catch (Exception ignored) {
			// Closing a stream that ended.
		}
	}

	/**
	 * Docker resumes a log from a whole second, so lines up to the cursor are skipped: those before
	 * its time, and as many at its exact time as were stored.
	 */
	private static final class Skip {

		private final ContainerCursor cursor;

		private int skippedAtCursor;

		Skip(ContainerCursor cursor) {
			this.cursor = cursor;
		}

		boolean skips(Instant time) {
			if (time.isBefore(cursor.lastAt())) {
				return true;
			}
			if (time.equals(cursor.lastAt()) && skippedAtCursor < cursor.linesAtLast()) {
				skippedAtCursor++;
				return true;
			}
			return false;
		}

	}

}
