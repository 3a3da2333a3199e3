package dev.slipway.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The log feeds of the Docker runtime: one per container of this installation that runs a dyno or a
 * one-off, found by listing them and by Docker's start events, read with Docker's timestamps from
 * its multiplexed log stream. The router's container logs nginx's errors only; its requests go to
 * its access log.
 */
@Component
class DockerLogSources implements LogSources {

	/** A stream silent this long after a burst is taken for stalled. */
	static final Duration STALL = Duration.ofSeconds(2);

	/** Below this much since the stream was last opened, a silence is an idle process, not a stall. */
	static final int BURST_BYTES = 64 * 1024;

	private static final Logger log = LoggerFactory.getLogger(DockerLogSources.class);

	private static final Set<String> COLLECTED = Set.of(SlipwayLabels.ROLE_DYNO, SlipwayLabels.ROLE_ONE_OFF);

	private final DockerClients docker;

	private final InstanceSettings instance;

	private final TaskExecutor executor;

	private final Set<FollowedFeed> followed = ConcurrentHashMap.newKeySet();

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
		FollowedFeed followed = new FollowedFeed(feed, reader);
		followed.open(Instant.ofEpochSecond(sinceEpochSecond));
		followed.register();
		return followed::close;
	}

	/**
	 * Reads anew, from where it was read, each stream that went silent after a burst: Docker 20.10's
	 * log follower, when it is behind as the json-file log rotates, may stop sending although the
	 * container's log goes on (a 400,000-line flood stopped at the end of the first 20 MB file and
	 * sent nothing more for minutes, while a new request read all of it). The reader skips the line
	 * that comes again.
	 */
	@Scheduled(fixedDelay = 1000)
	void reopenStalled() {
		long now = System.nanoTime();
		followed.forEach(feed -> feed.reopenIfStalled(now));
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
		// A container of an app's image started by hand carries the image's labels but no role.
		if (role == null || !COLLECTED.contains(role)) {
			return Optional.empty();
		}
		return Optional
			.of(new LogFeed(containerId, Long.valueOf(labels.get(SlipwayLabels.APP_ID)), labels.get(SlipwayLabels.DYNO)));
	}

	/**
	 * One feed's Docker log stream, opened again after a stall. Each stream has its generation: once
	 * a newer one is open, what an older one still hands over is ignored (the new one reads it again).
	 * An entry is handed over under the feed's lock, and the reader may wait for room in the log
	 * buffer meanwhile: the stream is silent then because it is not read, which is no stall.
	 */
	private final class FollowedFeed {

		private final LogFeed feed;

		private final Reader reader;

		private final DockerLogParser parser;

		private final ReentrantLock lock = new ReentrantLock();

		private ContainerLogStream stream;

		private int generation;

		private volatile boolean closed;

		private long lastEntry = System.nanoTime();

		/** The Docker time of the latest line, and what it was when the stream was last opened anew. */
		private Instant latest;

		private Instant latestAtReopen;

		/** Whether the stream opened anew has handed over its first line, which is to be the latest one again. */
		private boolean reopenChecked = true;

		private long bytesSinceReopen;

		FollowedFeed(LogFeed feed, Reader reader) {
			this.feed = feed;
			this.reader = reader;
			this.parser = new DockerLogParser((at, text) -> {
				if (!reopenChecked) {
					reopenChecked = true;
					if (at.isAfter(latestAtReopen)) {
						reader.missed(latestAtReopen, at);
					}
				}
				latest = latest == null || at.isAfter(latest) ? at : latest;
				reader.line(at, text);
			});
		}

		void register() {
			followed.add(this);
		}

		/** The new stream's entries wait for this lock, so they count once its generation is the current one. */
		void open(Instant since) {
			lock.lock();
			try {
				int current = generation + 1;
				stream = ContainerLogStream.follow(docker, feed.id(), since, new ContainerLogStream.Listener() {
					@Override
					public void entry(StreamType type, byte[] entry) {
						FollowedFeed.this.entry(current, type, entry);
					}

					@Override
					public void ended(Throwable error) {
						FollowedFeed.this.ended(current, error);
					}
				}, executor);
				generation = current;
			}
			finally {
				lock.unlock();
			}
		}

		private void entry(int from, StreamType type, byte[] entry) {
			lock.lock();
			try {
				if (from == generation) {
					bytesSinceReopen += entry.length;
					parser.accept(type, entry);
					// After the reader took it, which may have waited: silence counts from here.
					lastEntry = System.nanoTime();
				}
			}
			finally {
				lock.unlock();
			}
		}

		private void ended(int from, Throwable error) {
			lock.lock();
			try {
				if (from != generation) {
					return;
				}
				if (error != null) {
					log.debug("The log stream of {} ended: {}", feed.id(), error.getMessage());
				}
				parser.finish();
			}
			finally {
				lock.unlock();
			}
			followed.remove(this);
			reader.ended(!closed && running(feed.id()));
		}

		/**
		 * Silent for {@link #STALL} after new lines of at least {@link #BURST_BYTES}, with no line half
		 * read: the stream is opened again from its latest line (Docker sends that one again, unless it
		 * let it go meanwhile; then the reader learns what it missed). Not while an entry is being
		 * handed over: the reader waits for room then, and the scheduler must not wait with it.
		 */
		void reopenIfStalled(long now) {
			if (!lock.tryLock()) {
				return;
			}
			try {
				if (closed || now - lastEntry < STALL.toNanos() || bytesSinceReopen < BURST_BYTES || latest == null
						|| latest.equals(latestAtReopen) || parser.pending()) {
					return;
				}
				log.debug("Reading the log of {} anew from {}: its stream went silent after {} bytes", feed.id(), latest,
						bytesSinceReopen);
				ContainerLogStream stalled = stream;
				try {
					open(latest);
				}
				catch (RuntimeException ex) {
					log.debug("Cannot read the log of {} anew: {}", feed.id(), ex.getMessage());
					return;
				}
				latestAtReopen = latest;
				reopenChecked = false;
				bytesSinceReopen = 0;
				stalled.close();
			}
			finally {
				lock.unlock();
			}
		}

		/** Waits for an entry being handed over: the reader gives up waiting for room once Slipway stops. */
		void close() {
			closed = true;
			ContainerLogStream current;
			lock.lock();
			try {
				current = stream;
			}
			finally {
				lock.unlock();
			}
			followed.remove(this);
			current.close();
		}

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
