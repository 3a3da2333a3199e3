package dev.slipway.router;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A change handed to the {@link Router}, which may share its reload with other changes; the caller
 * waits for it with {@link #awaitServed}, outside any lock that other route changes need.
 */
public final class RouteChange {

	private final CompletableFuture<Void> reload;

	RouteChange(CompletableFuture<Void> reload) {
		this.reload = reload;
	}

	/**
	 * Returns once nginx serves the change; throws {@link IllegalStateException} when the reload that
	 * carried it failed, in which case nginx keeps serving the routes it had.
	 */
	public void awaitServed() {
		try {
			reload.join();
		}
		catch (CompletionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			throw new IllegalStateException(cause.getMessage(), cause);
		}
	}

}
