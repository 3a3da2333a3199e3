package dev.slipway.logs;

import java.util.List;
import java.util.Map;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The live side of app logs with nothing stored: lines reach readers and wait for a store that no
 * writer ever fills, so what sits above the logs runs without a database.
 */
public final class UnstoredAppLogs {

	private UnstoredAppLogs() {
	}

	public static AppLogs create() {
		return new AppLogs(new EmptyStore(),
				new LogWriter(new EmptyStore(), new LogBuffer(512L * 1024 * 1024), new SimpleAsyncTaskExecutor()));
	}

	/** A store with nothing in it yet, which never finishes writing (no writer runs here). */
	static class EmptyStore extends LogStore {

		EmptyStore() {
			super(null, null);
		}

		@Override
		long maxSeq(long appId) {
			return 0;
		}

		@Override
		long minSeq(long appId) {
			return 0;
		}

		@Override
		List<LogLine> recent(long appId, LogFilter filter, int limit) {
			return List.of();
		}

		@Override
		List<LogLine> after(long appId, LogFilter filter, long seq, int limit) {
			return List.of();
		}

		@Override
		void write(List<PendingLine> lines, Map<String, ContainerCursor> cursors) {
		}

		@Override
		Map<String, ContainerCursor> cursors() {
			return Map.of();
		}

	}

}
