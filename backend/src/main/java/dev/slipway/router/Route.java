package dev.slipway.router;

import java.util.List;

/** Where an app's requests go: its web dynos, or why there are none. */
public record Route(State state, List<Upstream> upstreams) {

	public enum State {

		/** Web dynos are up and take requests. */
		SERVING,
		/** The app has no release yet. */
		NOT_DEPLOYED,
		/** The formation runs no web dyno. */
		NO_WEB_DYNOS,
		/** Its web dynos crashed. */
		CRASHED

	}

	public static Route serving(List<Upstream> upstreams) {
		return upstreams.isEmpty() ? new Route(State.CRASHED, List.of()) : new Route(State.SERVING, List.copyOf(upstreams));
	}

	public static Route unavailable(State state) {
		return new Route(state, List.of());
	}

}
