package dev.slipway.runtime;

import java.nio.ByteBuffer;

/**
 * Where an interactive dyno's output goes, from a thread of its own. The bytes handed over are only
 * valid during the call.
 */
public interface InteractiveOutput {

	/** Output on stdout; with a TTY, everything the command writes. */
	void stdout(ByteBuffer bytes);

	/** Output on stderr, only without a TTY. */
	void stderr(ByteBuffer bytes);

	/** The command exited with this status; nothing follows. */
	void exited(int status);

	/** The dyno could not run on or its status is unknown, said in a sentence; nothing follows. */
	void failed(String message);

}
