package dev.slipway.git;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.slipway.progress.Progress;
import org.eclipse.jgit.transport.ReceivePack;

import org.springframework.core.task.TaskExecutor;

/**
 * The push's output to the git client. Work runs on the task executor and hands over lines; only the
 * hook's thread writes, each line flushed at once (the HTTP response would otherwise hold 32 KiB),
 * with a keepalive line when a step stays silent for a while.
 */
final class PushOutput implements Progress {

	static final Duration KEEPALIVE = Duration.ofSeconds(15);

	private final ReceivePack receivePack;

	private final TaskExecutor executor;

	PushOutput(ReceivePack receivePack, TaskExecutor executor) {
		this.receivePack = receivePack;
		this.executor = executor;
	}

	/** Writes a line now; for the hook's own thread. */
	@Override
	public void line(String line) {
		receivePack.sendMessage(line);
		try {
			receivePack.getMessageOutputStream().flush();
		}
		catch (IOException ignored) {
			// The client went away; the push carries on so the deploy is not left half done.
		}
	}

	/** Runs {@code work} on the executor, writing the lines it logs as they come; returns its result. */
	<T> T stream(Function<Progress, T> work) {
		BlockingQueue<Message> lines = new LinkedBlockingQueue<>();
		CompletableFuture<T> result = new CompletableFuture<>();
		executor.execute(() -> {
			try {
				result.complete(work.apply(line -> lines.add(new Line(line))));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
			finally {
				lines.add(new End());
			}
		});
		long started = System.nanoTime();
		long lastWrite = started;
		try {
			while (true) {
				Message message = lines.poll(1, TimeUnit.SECONDS);
				long now = System.nanoTime();
				switch (message) {
					case End end -> {
						return result.get();
					}
					case Line line -> {
						line(line.text());
						lastWrite = now;
					}
					case null -> {
						if (now - lastWrite >= KEEPALIVE.toNanos()) {
							line(DETAIL + "... still working (" + TimeUnit.NANOSECONDS.toSeconds(now - started) + " s)");
							lastWrite = now;
						}
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while streaming the push output", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** What the work hands over to the hook's thread: each line, then the end. */
	private sealed interface Message {
	}

	private record Line(String text) implements Message {
	}

	private record End() implements Message {
	}

}
