package dev.slipway.logs;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Writes log lines to the store in batches of up to {@value #BATCH} on one task, moving the
 * containers' cursors in the same transaction. Lines wait in a {@link LogBuffer} bounded in bytes
 * with a fair share per app; the reader of an app whose share is full waits for room, so a flood is
 * stored as fast as the writer goes, and nothing is dropped for want of room. The writer never
 * stalls on a line: a batch the store refuses for its data is split in halves until the refused
 * lines are found, which are dropped (and reported); the rest is stored. Lines of an app that is
 * gone (deleted, or refused for a missing app) are discarded. Only when the store itself is down is
 * a batch tried again, so nothing buffered is lost then (and the readers wait meanwhile).
 */
@Component
class LogWriter implements SmartLifecycle {

	static final int BATCH = 20_000;

	/**
	 * A batch smaller than this waits {@link #LINGER} for more lines before it is stored: a few apps
	 * writing a few lines a second each made a transaction of one or two lines, several a second,
	 * which cost the control plane more than the lines. Live readers get every line before the store
	 * does, so waiting delays nothing they see; a flood's batches are large, and a batch never waits
	 * while a reader waits for room in the buffer.
	 */
	static final int SMALL_BATCH = 1_000;

	static final Duration LINGER = Duration.ofMillis(250);

	private static final Logger log = LoggerFactory.getLogger(LogWriter.class);

	private final LogStore store;

	private final LogBuffer buffer;

	private final BlockingQueue<PendingLine> queue = new LinkedBlockingQueue<>();

	private final Map<String, ContainerCursor> committed = new ConcurrentHashMap<>();

	/** How far the router's access log is stored, as this writer committed it; null until it wrote or read it. */
	private volatile Long routerLogCommitted;

	/** The store's cursors as they were before this writer stored any, until their feed is followed. */
	private Map<String, ContainerCursor> stored;

	/** Apps deleted in this run: their lines are discarded wherever they come from. */
	private final Set<Long> gone = ConcurrentHashMap.newKeySet();

	private volatile Consumer<List<PendingLine>> onDone = lines -> {
	};

	private volatile BiConsumer<Long, String> onDropped = (app, notice) -> {
	};

	private volatile boolean running;

	private final AsyncTaskExecutor executor;

	private Future<?> writing;

	@Autowired
	LogWriter(LogStore store, LogSettings settings,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor) {
		this(store, new LogBuffer(settings.bufferSize().toBytes()), executor);
	}

	LogWriter(LogStore store, LogBuffer buffer, AsyncTaskExecutor executor) {
		this.store = store;
		this.buffer = buffer;
		this.executor = executor;
	}

	/** Called with lines that left the buffer, stored or dropped. */
	void onDone(Consumer<List<PendingLine>> listener) {
		onDone = listener;
	}

	/** Called with a notice for an app's log about a line of it that the store refused. */
	void onDropped(BiConsumer<Long, String> listener) {
		onDropped = listener;
	}

	/**
	 * Takes room in the buffer for {@code bytes} of an app's lines within its fair share, waiting for
	 * the writer to store some of the app's lines while its share is full; false when the app is
	 * gone, or {@code waiting} turned false first (the reader stops).
	 */
	boolean reserve(long appId, long bytes, BooleanSupplier waiting) {
		return accepts(appId) && buffer.reserve(appId, bytes, () -> accepts(appId) && waiting.getAsBoolean());
	}

	/** As {@link #reserve}, waiting only for room in the whole buffer whatever the app's share (see {@link LogBuffer#reserveShared}). */
	boolean reserveShared(long appId, long bytes, BooleanSupplier waiting) {
		return accepts(appId) && buffer.reserveShared(appId, bytes, () -> accepts(appId) && waiting.getAsBoolean());
	}

	/** Takes room for lines of the platform whatever the app's share: they are few (a build's output is capped). */
	void force(long appId, long bytes) {
		buffer.force(appId, bytes);
	}

	/**
	 * Queues a line whose room was reserved; the lines of an app deleted since are discarded when
	 * they come to be written.
	 */
	void enqueue(PendingLine line) {
		queue.add(line);
	}

	boolean accepts(long appId) {
		return !gone.contains(appId);
	}

	/** Forgets an app that was deleted: its waiting lines go, and lines that come later are discarded. */
	void discard(long appId) {
		gone.add(appId);
		List<PendingLine> removed = new ArrayList<>();
		queue.removeIf(line -> {
			if (line.appId() == appId) {
				removed.add(line);
				return true;
			}
			return false;
		});
		release(removed);
	}

	/** How far the router's access log is stored: what this writer committed last, else what the store says. */
	long routerLogPosition() {
		Long position = routerLogCommitted;
		if (position == null) {
			position = store.routerLogPosition().orElse(0L);
			routerLogCommitted = position;
		}
		return position;
	}

	/**
	 * How far a container's log is stored: what this writer committed last, else what the store said
	 * when the first feed was followed. Only this writer stores cursors, so that is still true; one
	 * query for them all, as thousands of feeds are followed at start.
	 */
	ContainerCursor cursor(String containerId) {
		Map<String, ContainerCursor> stored = stored();
		return committed.computeIfAbsent(containerId, id -> {
			ContainerCursor cursor = stored.remove(id);
			return cursor == null ? ContainerCursor.START : cursor;
		});
	}

	private synchronized Map<String, ContainerCursor> stored() {
		if (stored == null) {
			stored = new ConcurrentHashMap<>(store.cursors());
		}
		return stored;
	}

	@Override
	public void start() {
		running = true;
		writing = executor.submit(this::run);
	}

	@Override
	public void stop() {
		running = false;
		if (writing != null) {
			try {
				writing.get(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				log.warn("The log writer did not finish writing: {}", ex.getMessage());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the readers of containers have, so their last lines are still written. */
	@Override
	public int getPhase() {
		return -100;
	}

	private void run() {
		Deque<List<PendingLine>> chunks = new ArrayDeque<>();
		while (running || !queue.isEmpty() || !chunks.isEmpty()) {
			try {
				if (chunks.isEmpty()) {
					PendingLine first = queue.poll(100, TimeUnit.MILLISECONDS);
					if (first != null) {
						List<PendingLine> batch = new ArrayList<>(BATCH);
						batch.add(first);
						queue.drainTo(batch, BATCH - 1);
						if (batch.size() < SMALL_BATCH && running && !buffer.waited()) {
							Thread.sleep(LINGER);
							queue.drainTo(batch, BATCH - batch.size());
						}
						chunks.add(batch);
					}
				}
				while (!chunks.isEmpty()) {
					writeFirst(chunks);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Writing log lines failed ({}); trying again", ex.getMessage());
				sleep();
				if (!running && queue.isEmpty()) {
					return;
				}
			}
		}
	}

	/**
	 * Writes the first chunk. If the store refuses its data, lines of apps that are gone are
	 * discarded, else the chunk is split in halves (a single line is dropped and reported) and the
	 * halves go first. Any other failure (the store is down) is thrown, and the chunks stay for the
	 * next try.
	 */
	void writeFirst(Deque<List<PendingLine>> chunks) {
		List<PendingLine> chunk = chunks.peekFirst();
		List<PendingLine> kept = chunk.stream().filter(line -> !gone.contains(line.appId())).toList();
		if (kept.size() < chunk.size()) {
			release(chunk.stream().filter(line -> gone.contains(line.appId())).toList());
			chunks.pollFirst();
			if (!kept.isEmpty()) {
				chunks.addFirst(kept);
			}
			return;
		}
		Map<String, ContainerCursor> cursors = advance(chunk);
		try {
			store.write(chunk, cursors);
		}
		catch (RuntimeException ex) {
			Optional<SQLException> refused = refusedData(ex);
			if (refused.isEmpty()) {
				throw ex;
			}
			if ("23503".equals(refused.get().getSQLState())) {
				List<Long> apps = chunk.stream().map(PendingLine::appId).distinct().toList();
				List<Long> existing = store.existingApps(apps);
				List<Long> missing = apps.stream().filter(app -> !existing.contains(app)).toList();
				if (!missing.isEmpty()) {
					missing.forEach(this::discard);
					return;
				}
			}
			chunks.pollFirst();
			if (chunk.size() > 1) {
				chunks.addFirst(chunk.subList(chunk.size() / 2, chunk.size()));
				chunks.addFirst(chunk.subList(0, chunk.size() / 2));
				return;
			}
			PendingLine line = chunk.get(0);
			log.warn("A log line of app {} could not be stored and was dropped: {}", line.appId(), firstLine(refused.get()));
			// The container's cursor still moves past it, so it is not read again after a restart.
			store.write(List.of(), cursors);
			committed.putAll(cursors);
			release(chunk);
			onDropped.accept(line.appId(), "1 log line could not be stored and was dropped: " + firstLine(refused.get()));
			return;
		}
		committed.putAll(cursors);
		chunk.stream()
			.map(PendingLine::routerLogEnd)
			.filter(Objects::nonNull)
			.max(Long::compare)
			.ifPresent(end -> routerLogCommitted = end);
		chunks.pollFirst();
		release(chunk);
	}

	private void release(List<PendingLine> lines) {
		Map<Long, Long> bytes = new HashMap<>();
		lines.forEach(line -> bytes.merge(line.appId(), line.bytes(), Long::sum));
		bytes.forEach(buffer::release);
		if (!lines.isEmpty()) {
			onDone.accept(lines);
		}
	}

	private Map<String, ContainerCursor> advance(List<PendingLine> batch) {
		Map<String, ContainerCursor> cursors = new HashMap<>();
		for (PendingLine line : batch) {
			if (line.containerId() != null && line.dockerTime() != null) {
				ContainerCursor current = Optional.ofNullable(cursors.get(line.containerId()))
					.orElseGet(() -> cursor(line.containerId()));
				cursors.put(line.containerId(), current.advance(line.dockerTime()));
			}
		}
		return cursors;
	}

	/** The SQL error when the store refused the data (a value too long, a missing app), not when it is down. */
	private static Optional<SQLException> refusedData(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
				return Optional.of(sql);
			}
		}
		return Optional.empty();
	}

	private static String firstLine(SQLException ex) {
		String message = String.valueOf(ex.getMessage()).lines().findFirst().orElse("").strip();
		return message.length() > 200 ? message.substring(0, 200) + "…" : message;
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
