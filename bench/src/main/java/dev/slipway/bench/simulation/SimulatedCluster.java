package dev.slipway.bench.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.slipway.logs.LogSources;
import dev.slipway.runtime.DeploySpec;
import dev.slipway.runtime.Dyno;
import dev.slipway.runtime.DynoSize;
import dev.slipway.runtime.DynoState;
import dev.slipway.runtime.Formation;
import dev.slipway.runtime.ProcessType;

/**
 * What a cluster engine would hold, in memory: each app's deployed release, formation and dynos, and
 * the dynos' log feeds. It lives outside Slipway's application context, as a real cluster outlives
 * the control plane, so a restart of Slipway finds the dynos still running and reconciles with them.
 * One per benchmark run ({@link #current()}): the benchmark seeds it, the simulated runtime and log
 * sources that Slipway's context creates read and change it.
 */
public final class SimulatedCluster {

	private static volatile SimulatedCluster current = new SimulatedCluster();

	private final Map<Long, DeploySpec> deployed = new ConcurrentHashMap<>();

	private final Map<Long, Map<String, Formation>> formations = new ConcurrentHashMap<>();

	private final Map<Long, List<SimulatedDyno>> dynos = new ConcurrentHashMap<>();

	private final Map<String, LogSources.Reader> readers = new ConcurrentHashMap<>();

	private final List<LogSources.Watcher> watchers = new CopyOnWriteArrayList<>();

	private final AtomicInteger addresses = new AtomicInteger();

	/** What the last start of Slipway took, as the simulated runtime and log sources saw it. */
	final StartTimes startTimes = new StartTimes();

	private SimulatedCluster() {
	}

	public static SimulatedCluster current() {
		return current;
	}

	/** An empty cluster for the next run. */
	public static SimulatedCluster reset() {
		current = new SimulatedCluster();
		return current;
	}

	/** A dyno and the address the router reaches it at. */
	public record SimulatedDyno(Dyno dyno, String address, long appId) {

		/** Its log feed's id, one per dyno and release, as one container has one log. */
		public String feedId() {
			return "sim-" + appId + "-" + dyno.name() + "-v" + dyno.release();
		}

		LogSources.LogFeed feed() {
			return new LogSources.LogFeed(feedId(), appId, dyno.name());
		}

	}

	/** As if the release had been running with {@code webDynos} web dynos since before Slipway started. */
	public void seed(DeploySpec release, int webDynos) {
		Map<String, Formation> formation = new TreeMap<>();
		formation.put(ProcessType.WEB,
				new Formation(release.appId(), ProcessType.WEB, webDynos, DynoSize.STANDARD_1X));
		formations.put(release.appId(), formation);
		deployed.put(release.appId(), release);
		dynos.put(release.appId(), start(release, formation));
	}

	/** Starts the dynos of the formation, replacing the app's previous ones (their feeds end). */
	synchronized void run(DeploySpec release, Map<String, Formation> formation) {
		formations.put(release.appId(), formation);
		deployed.put(release.appId(), release);
		List<SimulatedDyno> started = start(release, formation);
		List<SimulatedDyno> previous = dynos.put(release.appId(), started);
		endFeeds(previous);
		started.forEach(dyno -> watchers.forEach(watcher -> watcher.found(dyno.feed())));
	}

	synchronized void remove(long appId) {
		deployed.remove(appId);
		formations.remove(appId);
		endFeeds(dynos.remove(appId));
	}

	private void endFeeds(List<SimulatedDyno> gone) {
		if (gone == null) {
			return;
		}
		for (SimulatedDyno dyno : gone) {
			LogSources.Reader reader = readers.remove(dyno.feedId());
			if (reader != null) {
				reader.ended(false);
			}
			watchers.forEach(watcher -> watcher.removed(dyno.feedId()));
		}
	}

	private List<SimulatedDyno> start(DeploySpec release, Map<String, Formation> formation) {
		List<SimulatedDyno> started = new ArrayList<>();
		for (Formation type : formation.values()) {
			if (!release.runs(type.processType())) {
				continue;
			}
			for (int index = 1; index <= type.quantity(); index++) {
				Dyno dyno = new Dyno(type.processType() + "." + index, type.processType(), index, release.version(),
						DynoState.UP, Instant.now(), 0, type.size().label(), null);
				started.add(new SimulatedDyno(dyno, nextAddress(), release.appId()));
			}
		}
		started.sort(Comparator.comparing((SimulatedDyno each) -> each.dyno().processType())
			.thenComparingInt(each -> each.dyno().index()));
		return List.copyOf(started);
	}

	/** A distinct private address per dyno; nothing listens there, the router only needs it in its config. */
	private String nextAddress() {
		int n = addresses.incrementAndGet();
		return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff) + ":5000";
	}

	DeploySpec deployed(long appId) {
		return deployed.get(appId);
	}

	Map<String, Formation> formation(long appId) {
		return formations.getOrDefault(appId, Map.of());
	}

	public List<SimulatedDyno> dynos(long appId) {
		return dynos.getOrDefault(appId, List.of());
	}

	Set<Long> appIds() {
		return Set.copyOf(deployed.keySet());
	}

	/** Every dyno's feed, as the log sources report them. */
	List<LogSources.LogFeed> feeds() {
		return dynos.values().stream().flatMap(List::stream).map(SimulatedDyno::feed).toList();
	}

	public int dynoCount() {
		return dynos.values().stream().mapToInt(List::size).sum();
	}

	AutoCloseable watch(LogSources.Watcher watcher) {
		watchers.add(watcher);
		return () -> watchers.remove(watcher);
	}

	AutoCloseable read(String feedId, LogSources.Reader reader) {
		readers.put(feedId, reader);
		return () -> readers.remove(feedId, reader);
	}

	/** How many feeds Slipway's log collector reads. */
	public int feedsRead() {
		return readers.size();
	}

	/**
	 * A line a dyno writes, handed to the feed's reader on the caller's thread as a container's log
	 * stream would hand it over; false when no reader follows that feed.
	 */
	public boolean write(String feedId, Instant at, String text) {
		LogSources.Reader reader = readers.get(feedId);
		if (reader == null) {
			return false;
		}
		synchronized (reader) {
			reader.line(at, text);
		}
		return true;
	}

	public StartTimes startTimes() {
		return startTimes;
	}

	/** Points in Slipway's last start, in nanoseconds of {@link System#nanoTime()}. */
	public static final class StartTimes {

		volatile long lifecycleStarted;

		volatile long reconcileStarted;

		volatile long routesInstallStarted;

		volatile long reconciled;

		volatile long feedsWatchStarted;

		volatile long feedsWatched;

		/** From the first lifecycle phase (release recovery runs there) to every route installed. */
		public long recoveryAndReconcileNanos() {
			return reconciled - lifecycleStarted;
		}

		/** The runtime's own part: adopting the dynos and installing every route at once in nginx. */
		public long reconcileNanos() {
			return reconciled - reconcileStarted;
		}

		public long routerInstallNanos() {
			return reconciled - routesInstallStarted;
		}

		/** The log collector being told of every feed and opening a reader on each. */
		public long feedsWatchNanos() {
			return feedsWatched - feedsWatchStarted;
		}

	}

}
