package dev.slipway.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Writes log lines to the store in batches of up to {@value #BATCH} on one task, moving the
 * containers' cursors in the same transaction. Lines wait in a bounded buffer; when it is full new
 * lines are dropped and counted, and once it has room again the count goes into each app's log.
 * If the store is down, the batch is tried again; nothing buffered is lost.
 */
@Component
class LogWriter implements SmartLifecycle {

	static final int BATCH = 5_000;

	private static final Logger log = LoggerFactory.getLogger(LogWriter.class);

	private final LogStore store;

	private final int capacity;

	private final BlockingQueue<PendingLine> queue = new LinkedBlockingQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private final Map<String, ContainerCursor> committed = new ConcurrentHashMap<>();

	private final Map<Long, AtomicInteger> dropped = new ConcurrentHashMap<>();

	private volatile Consumer<List<PendingLine>> onWritten = lines -> {
	};

	private volatile BiConsumer<Long, Integer> onDropped = (app, count) -> {
	};

	private volatile boolean running;

	private final AsyncTaskExecutor executor;

	private Future<?> writing;

	LogWriter(LogStore store, LogSettings settings,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor) {
		this.store = store;
		this.capacity = settings.bufferLines();
		this.executor = executor;
	}

	void onWritten(Consumer<List<PendingLine>> listener) {
		onWritten = listener;
	}

	void onDropped(BiConsumer<Long, Integer> listener) {
		onDropped = listener;
	}

	boolean hasRoom() {
		return size.get() < capacity;
	}

	int capacity() {
		return capacity;
	}

	void enqueue(PendingLine line) {
		size.incrementAndGet();
		queue.add(line);
	}

	void dropped(long appId, int lines) {
		dropped.computeIfAbsent(appId, id -> new AtomicInteger()).addAndGet(lines);
	}

	/** How far a container's log is stored: what this writer committed last, else what the store says. */
	ContainerCursor cursor(String containerId) {
		return committed.computeIfAbsent(containerId,
				id -> store.cursor(id).orElse(ContainerCursor.START));
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
		List<PendingLine> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty() || !batch.isEmpty()) {
			try {
				if (batch.isEmpty()) {
					PendingLine first = queue.poll(100, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
					queue.drainTo(batch, BATCH - 1);
				}
				Map<String, ContainerCursor> cursors = advance(batch);
				store.write(batch, cursors);
				committed.putAll(cursors);
				size.addAndGet(-batch.size());
				onWritten.accept(batch);
				batch = new ArrayList<>(BATCH);
				reportDrops();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Writing {} log lines failed ({}); trying again", batch.size(), ex.getMessage());
				sleep();
				if (!running && queue.isEmpty()) {
					return;
				}
			}
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

	private void reportDrops() {
		if (dropped.isEmpty() || size.get() > capacity / 2) {
			return;
		}
		for (Long appId : List.copyOf(dropped.keySet())) {
			int count = dropped.remove(appId).get();
			onDropped.accept(appId, count);
		}
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
