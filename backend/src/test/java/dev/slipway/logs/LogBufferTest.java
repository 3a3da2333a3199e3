package dev.slipway.logs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogBufferTest {

	/** For taking room only if there is some now. */
	private static final BooleanSupplier NO_WAIT = () -> false;

	private static final BooleanSupplier WAIT = () -> true;

	@Test
	void anAppAloneFillsHalfTheBufferAndNoMore() {
		LogBuffer buffer = new LogBuffer(1000);
		int taken = 0;
		while (buffer.reserve(1, 10, NO_WAIT)) {
			taken++;
		}
		assertThat(taken * 10L).isEqualTo(500);
		assertThat(buffer.used(1)).isEqualTo(500);
	}

	@Test
	void aFloodingAppLeavesRoomForAnotherWhichKeepsItsShare() {
		LogBuffer buffer = new LogBuffer(1200);
		fill(buffer, 1);
		assertThat(buffer.reserve(1, 10, NO_WAIT)).isFalse();
		int quiet = 0;
		while (buffer.reserve(2, 10, NO_WAIT)) {
			quiet++;
		}
		assertThat(quiet * 10L).as("a third of the buffer, with two apps writing").isEqualTo(400);
		assertThat(buffer.used()).isLessThanOrEqualTo(buffer.capacity());
	}

	@Test
	void aReaderOverItsShareWaitsUntilStoredLinesGiveTheirRoomBack() throws Exception {
		LogBuffer buffer = new LogBuffer(1000);
		fill(buffer, 1);
		CompletableFuture<Boolean> taken = waiting(buffer, 1, 100);
		assertThat(taken).isNotDone();
		assertThat(buffer.used(1)).isEqualTo(500);
		buffer.release(1, 100);
		assertThat(taken.get()).isTrue();
		assertThat(buffer.used(1)).isEqualTo(500);
	}

	@Test
	void aWaitingReaderHoldsUpNeitherAnotherAppNorTheRoutersLines() throws Exception {
		LogBuffer buffer = new LogBuffer(1200);
		fill(buffer, 1);
		CompletableFuture<Boolean> flooder = waiting(buffer, 1, 10);
		assertThat(buffer.reserve(2, 10, NO_WAIT)).as("another app").isTrue();
		assertThat(buffer.reserveShared(1, 10, NO_WAIT)).as("the router's line of the flooding app").isTrue();
		assertThat(flooder).isNotDone();
		buffer.release(1, 600);
		assertThat(flooder.get()).isTrue();
	}

	@Test
	void aReaderThatStopsWaitingGoesWithoutTheRoom() throws Exception {
		LogBuffer buffer = new LogBuffer(1000);
		fill(buffer, 1);
		AtomicBoolean reading = new AtomicBoolean(true);
		CompletableFuture<Boolean> taken = CompletableFuture.supplyAsync(() -> buffer.reserve(1, 10, reading::get));
		reading.set(false);
		assertThat(taken.get()).isFalse();
		assertThat(buffer.used(1)).isEqualTo(500);
	}

	@Test
	void routerLinesWaitForRoomInTheWholeBuffer() throws Exception {
		LogBuffer buffer = new LogBuffer(1000);
		assertThat(buffer.reserveShared(1, 1000, NO_WAIT)).isTrue();
		assertThat(buffer.reserveShared(2, 10, NO_WAIT)).isFalse();
		CompletableFuture<Boolean> router = CompletableFuture.supplyAsync(() -> buffer.reserveShared(2, 10, WAIT));
		buffer.release(1, 10);
		assertThat(router.get()).isTrue();
		assertThat(buffer.used()).isEqualTo(1000);
	}

	@Test
	void aLineLargerThanTheShareGetsInWhenTheAppHasNothingWaiting() {
		LogBuffer buffer = new LogBuffer(1000);
		assertThat(buffer.reserve(1, 800, NO_WAIT)).isTrue();
		assertThat(buffer.reserve(1, 10, NO_WAIT)).isFalse();
		buffer.release(1, 800);
		assertThat(buffer.used()).isZero();
	}

	@Test
	void theBufferNeverHoldsMoreThanItsSize() {
		LogBuffer buffer = new LogBuffer(1000);
		for (long app = 1; app <= 50; app++) {
			while (buffer.reserve(app, 7, NO_WAIT)) {
				// Each app takes its share.
			}
		}
		assertThat(buffer.used()).isLessThanOrEqualTo(1000);
	}

	@Test
	void noticesGetInWhenTheAppsShareIsFull() {
		LogBuffer buffer = new LogBuffer(1000);
		fill(buffer, 1);
		buffer.force(1, 100);
		assertThat(buffer.used(1)).isEqualTo(600);
		buffer.release(1, 600);
		assertThat(buffer.used()).isZero();
	}

	private static void fill(LogBuffer buffer, long appId) {
		while (buffer.reserve(appId, 10, NO_WAIT)) {
			// Up to its share.
		}
	}

	/** A reader taking room on a thread of its own, once it waits for it. */
	private static CompletableFuture<Boolean> waiting(LogBuffer buffer, long appId, long bytes) throws InterruptedException {
		CompletableFuture<Boolean> taken = new CompletableFuture<>();
		Thread reader = Thread.ofPlatform().start(() -> taken.complete(buffer.reserve(appId, bytes, WAIT)));
		while (reader.getState() != Thread.State.TIMED_WAITING && !taken.isDone()) {
			Thread.onSpinWait();
		}
		return taken;
	}

}
