package dev.slipway.logs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.slipway.apps.AppDeleted;
import dev.slipway.apps.AppService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reads the router's access log ({@link RouterAccessLog}) from where the store left off and puts
 * each request into its app's log as a router line; the access log's position moves to the store
 * with the lines, so a restart of Slipway neither loses nor repeats one, and entries the router
 * wrote while Slipway was down are read when it is back. When the stream ends (the router is not
 * up yet, or was replaced) it is read again a second later.
 */
@Component
class RouterLogCollector implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RouterLogCollector.class);

	private final RouterAccessLog accessLog;

	private final AppLogs logs;

	private final LogWriter writer;

	private final AppService apps;

	private final AsyncTaskExecutor executor;

	private final Map<String, Long> appIds = new ConcurrentHashMap<>();

	/** How far this run read, ahead of what the store has committed; -1 before the first entry. */
	private volatile long read = -1;

	private volatile boolean running;

	private Future<?> reading;

	RouterLogCollector(RouterAccessLog accessLog, AppLogs logs, LogWriter writer, AppService apps,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor) {
		this.accessLog = accessLog;
		this.logs = logs;
		this.writer = writer;
		this.apps = apps;
		this.executor = executor;
	}

	@Override
	public void start() {
		running = true;
		reading = executor.submit(this::run);
	}

	@Override
	public void stop() {
		running = false;
		if (reading != null) {
			try {
				reading.get(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				log.warn("Reading the router's access log did not stop: {}", ex.getMessage());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			CountDownLatch ended = new CountDownLatch(1);
			long from = read >= 0 ? read : writer.routerLogPosition();
			// The stream reads on its own thread; this one waits until it ends or Slipway stops.
			try (AutoCloseable stream = accessLog.read(from, reader(ended))) {
				boolean over = false;
				while (running && !over) {
					over = ended.await(200, TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				log.debug("Cannot read the router's access log yet: {}", ex.getMessage());
			}
			pause();
		}
	}

	private RouterAccessLog.Reader reader(CountDownLatch ended) {
		return new RouterAccessLog.Reader() {
			@Override
			public void entry(String entry, long end) {
				read = end;
				RouterLogLine line = RouterLogLine.parse(entry);
				Long appId = line == null ? null : appId(line.app());
				if (appId != null) {
					// Waits while the whole buffer is full; not taken when Slipway stops, it is read again at the next start.
					logs.appendRouter(appId, line, end, () -> running);
				}
			}

			@Override
			public void ended() {
				ended.countDown();
			}
		};
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

	private void pause() {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		while (running && System.nanoTime() < until) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
