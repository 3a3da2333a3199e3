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

/**
 * The push's output to the git client. Work runs on its own thread and hands over lines; only the
 * hook's thread writes, each line flushed at once (the HTTP response would otherwise hold 32 KiB),
 * with a keepalive line when a step stays silent for a while.
 */
final class PushOutput implements Progress {

	static final Duration KEEPALIVE = Duration.ofSeconds(15);

	private static final String END = new String("end of output");

	private final ReceivePack receivePack;

	PushOutput(ReceivePack receivePack) {
		this.receivePack = receivePack;
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

	/** Runs {@code work} on a virtual thread, writing the lines it logs as they come; returns its result. */
	<T> T stream(Function<Progress, T> work) {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread.ofVirtual().name("push-work").start(() -> {
			try {
				result.complete(work.apply(lines::add));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
			finally {
				lines.add(END);
			}
		});
		long started = System.nanoTime();
		long lastWrite = started;
		try {
			while (true) {
				String line = lines.poll(1, TimeUnit.SECONDS);
				if (line == END) {
					break;
				}
				long now = System.nanoTime();
				if (line != null) {
					line(line);
					lastWrite = now;
				}
				else if (now - lastWrite >= KEEPALIVE.toNanos()) {
					line(DETAIL + "... still working (" + TimeUnit.NANOSECONDS.toSeconds(now - started) + " s)");
					lastWrite = now;
				}
			}
			return result.get();
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

}
