package dev.slipway.logs;

/**
 * The router's access log: one JSON entry per request (see {@link RouterLogLine}) in a log that only
 * grows and is addressed by byte position, so reading resumes exactly where the store ends, also
 * after a restart of Slipway or of the router. What runs the router implements it.
 */
public interface RouterAccessLog {

	/**
	 * Reads entries from {@code position} on (0, or where an entry read before ended) as the router
	 * writes them, until the stream ends or the returned handle is closed.
	 */
	AutoCloseable read(long position, Reader reader);

	/** Takes the entries in order, then the end. */
	interface Reader {

		/** An entry and the position right after it. */
		void entry(String entry, long end);

		/** The stream ended (the router was stopped or replaced, say): it is to be read again. */
		void ended();

	}

}
