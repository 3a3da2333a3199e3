package dev.slipway.builds;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import dev.slipway.progress.Progress;

import org.springframework.stereotype.Component;

/**
 * The build slots: at most {@code concurrency} builds run at once, the others wait first come, first
 * served, and a waiting push is told its place in the queue each time it moves.
 */
@Component
class BuildSlots {

	private final int concurrency;

	private final boolean[] busy;

	private final Deque<Object> queue = new ArrayDeque<>();

	BuildSlots(BuildCapacity capacity) {
		this.concurrency = capacity.concurrency();
		this.busy = new boolean[concurrency];
	}

	/** A slot held by one build; its number picks the CPUs the build runs on. */
	final class Slot implements AutoCloseable {

		private final int number;

		private Slot(int number) {
			this.number = number;
		}

		int number() {
			return number;
		}

		@Override
		public void close() {
			release(number);
		}

	}

	/** Waits for a free slot; empty when {@code stop} turned true while waiting (the build was cancelled). */
	Optional<Slot> acquire(Progress log, BooleanSupplier stop) {
		Object ticket = new Object();
		synchronized (this) {
			queue.addLast(ticket);
			int reported = 0;
			try {
				while (true) {
					int free = freeSlot();
					if (queue.peekFirst() == ticket && free >= 0) {
						busy[free] = true;
						return Optional.of(new Slot(free));
					}
					if (stop.getAsBoolean()) {
						return Optional.empty();
					}
					int position = position(ticket);
					if (position != reported) {
						log.detail("Waiting for a build slot (" + concurrency + " build" + (concurrency == 1 ? "" : "s")
								+ " run at a time): number " + position + " in the queue");
						reported = position;
					}
					wait(1000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
			finally {
				queue.remove(ticket);
				notifyAll();
			}
		}
	}

	private int freeSlot() {
		for (int i = 0; i < busy.length; i++) {
			if (!busy[i]) {
				return i;
			}
		}
		return -1;
	}

	private int position(Object ticket) {
		int position = 1;
		for (Object waiting : queue) {
			if (waiting == ticket) {
				return position;
			}
			position++;
		}
		return position;
	}

	private synchronized void release(int number) {
		busy[number] = false;
		notifyAll();
	}

}
