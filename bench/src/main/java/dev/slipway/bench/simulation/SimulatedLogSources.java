package dev.slipway.bench.simulation;

import java.util.List;

import dev.slipway.logs.LogSources;

/**
 * The log sources SPI over a {@link SimulatedCluster}: a feed per dyno; a line reaches the log
 * collector's reader when the benchmark writes it to the cluster, on the writer's thread.
 */
class SimulatedLogSources implements LogSources {

	private final SimulatedCluster cluster = SimulatedCluster.current();

	@Override
	public AutoCloseable watch(Watcher watcher) {
		cluster.startTimes.feedsWatchStarted = System.nanoTime();
		AutoCloseable watch = cluster.watch(watcher);
		cluster.feeds().forEach(watcher::found);
		cluster.startTimes.feedsWatched = System.nanoTime();
		return watch;
	}

	/** Lines from before this run are not replayed: the benchmark writes only while Slipway runs. */
	@Override
	public AutoCloseable read(LogFeed feed, long sinceEpochSecond, Reader reader) {
		return cluster.read(feed.id(), reader);
	}

	@Override
	public List<String> feedIds() {
		return cluster.feeds().stream().map(LogFeed::id).toList();
	}

}
