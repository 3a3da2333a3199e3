package dev.slipway.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Several clients asking an app through the router, each as fast as it is answered, until stopped;
 * every answer kept, in order per client. For the zero-downtime tests: start it, change what runs,
 * wait until the change is over, stop it.
 */
public final class RouterLoad {

	private final AtomicBoolean stop = new AtomicBoolean();

	private final AtomicInteger answered = new AtomicInteger();

	private final ExecutorService threads;

	private final List<CompletableFuture<List<RouterClient.Answer>>> clients;

	private RouterLoad(int port, String app, int clients) {
		threads = Executors.newFixedThreadPool(clients);
		this.clients = IntStream.range(0, clients).mapToObj(client -> CompletableFuture.supplyAsync(() -> {
			List<RouterClient.Answer> seen = new ArrayList<>();
			while (!stop.get()) {
				seen.add(RouterClient.get(port, app));
				answered.incrementAndGet();
				try {
					// A little room between requests, so four clients do not take both cores of a small host.
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			return seen;
		}, threads)).toList();
	}

	/** Starts {@code clients} clients of {@code app} through the router on {@code port}. */
	public static RouterLoad start(int port, String app, int clients) {
		return new RouterLoad(port, app, clients);
	}

	/** Waits until {@code more} further requests were answered (whatever the answer), so the load spans what comes next. */
	public void awaitAnswers(int more) {
		int target = answered.get() + more;
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (answered.get() < target) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("The router answered " + answered.get() + " requests, not " + target);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/** Stops the clients and returns what each was answered, in order. */
	public List<List<RouterClient.Answer>> stop() {
		stop.set(true);
		List<List<RouterClient.Answer>> answers = clients.stream().map(CompletableFuture::join).toList();
		threads.shutdown();
		return answers;
	}

	/** Every answer of every client. */
	public static List<RouterClient.Answer> all(List<List<RouterClient.Answer>> answers) {
		return answers.stream().flatMap(List::stream).toList();
	}

}
