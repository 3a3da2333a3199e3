package dev.slipway.builds;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import dev.slipway.progress.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildSlotsTest {

	private final BuildSlots slots = new BuildSlots(new BuildCapacity(1, 1));

	/** A thread per waiting build: the common pool may have only one. */
	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	@Test
	void waitingBuildsAreToldTheirPlaceAsTheQueueMoves() throws Exception {
		BuildSlots.Slot first = slots.acquire(line -> {
		}, () -> false).orElseThrow();
		Lines second = new Lines();
		CompletableFuture<BuildSlots.Slot> secondSlot = CompletableFuture.supplyAsync(() -> slots.acquire(second, () -> false).orElseThrow(), threads);
		await(() -> second.contains("number 1 in the queue"));
		Lines third = new Lines();
		CompletableFuture<BuildSlots.Slot> thirdSlot = CompletableFuture.supplyAsync(() -> slots.acquire(third, () -> false).orElseThrow(), threads);
		await(() -> third.contains("number 2 in the queue"));

		first.close();
		assertThat(secondSlot.get().number()).isZero();
		await(() -> third.contains("number 1 in the queue"));
		assertThat(thirdSlot).isNotDone();
		secondSlot.get().close();
		thirdSlot.get().close();
		assertThat(second.lines).containsExactly("       Waiting for a build slot (1 build run at a time): number 1 in the queue");
		assertThat(third.lines).containsExactly("       Waiting for a build slot (1 build run at a time): number 2 in the queue",
				"       Waiting for a build slot (1 build run at a time): number 1 in the queue");
	}

	@Test
	void aCancelledBuildLeavesTheQueueWithoutASlot() throws Exception {
		BuildSlots.Slot first = slots.acquire(line -> {
		}, () -> false).orElseThrow();
		AtomicBoolean cancelled = new AtomicBoolean();
		Lines waiting = new Lines();
		CompletableFuture<Optional<BuildSlots.Slot>> slot = CompletableFuture.supplyAsync(() -> slots.acquire(waiting, cancelled::get), threads);
		await(() -> waiting.contains("number 1 in the queue"));
		cancelled.set(true);
		assertThat(slot.get()).isEmpty();
		first.close();
		assertThat(slots.acquire(line -> {
		}, () -> false)).isPresent();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
			Thread.sleep(50);
		}
		assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
	}

	private static final class Lines implements Progress {

		private final List<String> lines = new CopyOnWriteArrayList<>();

		@Override
		public void line(String line) {
			lines.add(line);
		}

		boolean contains(String text) {
			return lines.stream().anyMatch(line -> line.contains(text));
		}

	}

}
