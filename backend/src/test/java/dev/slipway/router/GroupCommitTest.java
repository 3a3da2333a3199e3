package dev.slipway.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes to a map of app to value, which a commit makes "live" as a whole: as the router's routes,
 * which a reload makes nginx serve.
 */
class GroupCommitTest {

	private final Map<String, Integer> asked = new HashMap<>();

	private final Map<String, Integer> live = new ConcurrentHashMap<>();

	private final List<Map<String, Integer>> commits = new ArrayList<>();

	/** Holds the first commit until it opens, so that changes pile up behind it. */
	private final CountDownLatch firstCommitHeld = new CountDownLatch(1);

	/** An app whose change fails the next commit that carries it, once. */
	private final AtomicReference<String> refusedOnce = new AtomicReference<>();

	private final GroupCommit<Map<String, Integer>> group = new GroupCommit<>("test-commit", () -> Map.copyOf(asked),
			this::commit);

	@AfterEach
	void close() {
		group.close();
	}

	private void commit(Map<String, Integer> snapshot) {
		synchronized (commits) {
			commits.add(snapshot);
		}
		await(firstCommitHeld);
		String refused = refusedOnce.get();
		if (refused != null && snapshot.containsKey(refused) && refusedOnce.compareAndSet(refused, null)) {
			throw new IllegalStateException("nginx refused the routes");
		}
		live.putAll(snapshot);
	}

	private CompletableFuture<Void> set(String app, int value) {
		return group.change(() -> {
			asked.put(app, value);
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
			firstCommitHeld.countDown();
			for (int change = 0; change < changes; change++) {
				assertThat(seen.get(change).get(30, TimeUnit.SECONDS)).isEqualTo(change);
			}
		}
		assertThat(commits).hasSizeLessThanOrEqualTo(2);
		assertThat(live).hasSize(changes);
	}

	@Test
	void aFailedCommitFailsTheChangesItCarriedAndTheyRideTheNextOne() throws Exception {
		CompletableFuture<Void> first = set("a", 1);
		awaitCommits(1);
		refusedOnce.set("b");
		CompletableFuture<Void> second = set("b", 2);
		CompletableFuture<Void> third = set("c", 3);
		firstCommitHeld.countDown();
		first.get(30, TimeUnit.SECONDS);
		assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasMessageContaining("nginx refused the routes");
		assertThatThrownBy(() -> third.get(30, TimeUnit.SECONDS)).hasMessageContaining("nginx refused the routes");
		assertThat(live).containsOnlyKeys("a");

		set("d", 4).get(30, TimeUnit.SECONDS);
		assertThat(live).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2, "c", 3, "d", 4));
	}

	@Test
	void aChangeThatNeedsNoCommitIsDoneAtOnce() {
		firstCommitHeld.countDown();
		assertThat(group.change(() -> false)).isCompleted();
		assertThat(commits).isEmpty();
	}

	@Test
	void changesNotCommittedWhenItClosesFail() throws Exception {
		CompletableFuture<Void> running = set("a", 1);
		awaitCommits(1);
		CompletableFuture<Void> queued = set("b", 2);
		group.close();
		firstCommitHeld.countDown();
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

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test never let the first commit go");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
