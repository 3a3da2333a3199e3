package dev.slipway.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes to a map of app to value, which a commit makes live as a whole, as a reload makes nginx
 * serve the router's routes; a commit refuses any value for the app "refused", as nginx refuses a
 * configuration. Each commit waits for a permit from the test, so that changes pile up behind it.
 */
class GroupCommitTest {

	record Snapshot(Map<String, Integer> values, Set<String> changed) {
	}

	private final Map<String, Integer> asked = new HashMap<>();

	private final Set<String> changedSinceSnapshot = new HashSet<>();

	/** Replaced as a whole, as nginx's workers take a new configuration: a reader never sees one half made. */
	private volatile Map<String, Integer> live = Map.of();

	private final List<Snapshot> commits = new ArrayList<>();

	private final Semaphore permits = new Semaphore(0);

	private final GroupCommit<Snapshot> group = new GroupCommit<>("test-commit", this::snapshot, this::commit,
			this::withdraw);

	@AfterEach
	void close() {
		permits.release(1000);
		group.close();
	}

	private Snapshot snapshot() {
		Snapshot snapshot = new Snapshot(Map.copyOf(asked), Set.copyOf(changedSinceSnapshot));
		changedSinceSnapshot.clear();
		return snapshot;
	}

	private void commit(Snapshot snapshot) {
		synchronized (commits) {
			commits.add(snapshot);
		}
		try {
			if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test never let the commit go");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (snapshot.values().containsKey("refused")) {
			throw new IllegalStateException("nginx refused the routes");
		}
		live = Map.copyOf(snapshot.values());
	}

	private void withdraw(Snapshot failed) {
		failed.changed().stream().filter(app -> !changedSinceSnapshot.contains(app)).forEach(app -> {
			if (live.containsKey(app)) {
				asked.put(app, live.get(app));
			}
			else {
				asked.remove(app);
			}
		});
	}

	private CompletableFuture<Void> set(String app, int value) {
		return group.change(() -> {
			asked.put(app, value);
			changedSinceSnapshot.add(app);
			return true;
		});
	}

	@Test
	void changesMadeWhileACommitRunsShareTheNextAndEachWaiterSeesItsOwnChangeLive() throws Exception {
		int changes = 40;
		CountDownLatch allAsked = new CountDownLatch(changes);
		List<Future<Integer>> seen = new ArrayList<>();
		try (ExecutorService callers = Executors.newFixedThreadPool(changes)) {
			for (int change = 0; change < changes; change++) {
				String app = "app-" + change;
				int value = change;
				seen.add(callers.submit(() -> {
					CompletableFuture<Void> served = set(app, value);
					allAsked.countDown();
					served.get(30, TimeUnit.SECONDS);
					return live.get(app);
				}));
			}
			assertThat(allAsked.await(30, TimeUnit.SECONDS)).isTrue();
			permits.release(changes);
			for (int change = 0; change < changes; change++) {
				assertThat(seen.get(change).get(30, TimeUnit.SECONDS)).isEqualTo(change);
			}
		}
		assertThat(commits).hasSizeLessThanOrEqualTo(2);
		assertThat(live).hasSize(changes);
	}

	@Test
	void aRefusedCommitFailsTheChangesItCarriedWhichAreWithdrawnButNotLaterOnes() throws Exception {
		CompletableFuture<Void> first = set("a", 1);
		awaitCommits(1);
		CompletableFuture<Void> refused = set("refused", 2);
		CompletableFuture<Void> alongside = set("b", 3);
		permits.release();
		first.get(30, TimeUnit.SECONDS);
		awaitCommits(2);
		CompletableFuture<Void> later = set("b", 4);
		permits.release(2);

		assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasMessageContaining("nginx refused the routes");
		assertThatThrownBy(() -> alongside.get(30, TimeUnit.SECONDS)).hasMessageContaining("nginx refused the routes");
		later.get(30, TimeUnit.SECONDS);
		assertThat(live).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 4));

		set("c", 5);
		permits.release(2);
		set("d", 6).get(30, TimeUnit.SECONDS);
		assertThat(live).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 4, "c", 5, "d", 6));
	}

	@Test
	void aChangeThatNeedsNoCommitIsDoneAtOnce() {
		assertThat(group.change(() -> false)).isCompleted();
		assertThat(commits).isEmpty();
	}

	@Test
	void changesNotCommittedWhenItClosesFail() throws Exception {
		CompletableFuture<Void> running = set("a", 1);
		awaitCommits(1);
		CompletableFuture<Void> queued = set("b", 2);
		group.close();
		permits.release();
		running.get(30, TimeUnit.SECONDS);
		assertThatThrownBy(() -> queued.get(30, TimeUnit.SECONDS)).hasMessageContaining("Slipway is stopping");
		assertThat(set("c", 3)).isCompletedExceptionally();
		assertThat(live).containsOnlyKeys("a");
	}

	/** Until that many commits have taken their snapshot. */
	private void awaitCommits(int count) throws InterruptedException {
		while (true) {
			synchronized (commits) {
				if (commits.size() >= count) {
					return;
				}
			}
			Thread.sleep(5);
		}
	}

}
