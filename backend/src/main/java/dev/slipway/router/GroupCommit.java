package dev.slipway.router;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Changes to a state that one slow commit at a time makes take effect (the router's routes, which
 * nginx reloads): a change made while a commit runs waits for the next one, and that one commit
 * carries every change made meanwhile, so N changes at once cost two commits, not N. Changes and the
 * snapshot a commit takes are made under one lock, so a commit has every change made before it
 * started; commits run one at a time on a thread of their own. A commit that fails fails every
 * change it carried, and they are withdrawn, so that one the commit refuses cannot fail every later
 * commit too.
 */
final class GroupCommit<S> implements AutoCloseable {

	private final Supplier<S> snapshot;

	private final Consumer<S> commit;

	private final Consumer<S> withdraw;

	private final ExecutorService committer;

	/** The commit that will take the changes made from now on; null when there are none yet. */
	private CompletableFuture<Void> next;

	private boolean closed;

	/**
	 * @param snapshot what a commit takes effect with, read under the lock the changes are made under
	 * @param commit makes a snapshot take effect; returns once it has, or throws
	 * @param withdraw takes the changes of a snapshot that failed back, under the lock, but none made
	 * since it was taken
	 */
	GroupCommit(String name, Supplier<S> snapshot, Consumer<S> commit, Consumer<S> withdraw) {
		this.snapshot = snapshot;
		this.commit = commit;
		this.withdraw = withdraw;
		this.committer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
	}

	/**
	 * Makes a change to the state under the lock, and returns the commit that carries it: complete
	 * once the change took effect, or failed with what the commit threw. A change that says it needs
	 * no commit (returns false: what it asks for is in effect already) is complete at once.
	 */
	synchronized CompletableFuture<Void> change(BooleanSupplier change) {
		if (!change.getAsBoolean()) {
			return CompletableFuture.completedFuture(null);
		}
		if (closed) {
			return CompletableFuture.failedFuture(new IllegalStateException("Slipway is stopping"));
		}
		if (next == null) {
			next = new CompletableFuture<>();
			committer.execute(this::commitNext);
		}
		return next;
	}

	private void commitNext() {
		CompletableFuture<Void> batch;
		S state;
		synchronized (this) {
			batch = next;
			if (batch == null) {
				return;
			}
			next = null;
			state = snapshot.get();
		}
		try {
			commit.accept(state);
			batch.complete(null);
		}
		catch (RuntimeException | Error ex) {
			synchronized (this) {
				withdraw.accept(state);
			}
			batch.completeExceptionally(ex);
		}
	}

	/** Stops after the commit under way; changes not committed yet fail. */
	@Override
	public synchronized void close() {
		closed = true;
		if (next != null) {
			next.completeExceptionally(new IllegalStateException("Slipway is stopping"));
			next = null;
		}
		committer.shutdown();
	}

}
