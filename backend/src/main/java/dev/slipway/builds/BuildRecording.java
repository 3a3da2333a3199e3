package dev.slipway.builds;

import dev.slipway.progress.Progress;

/**
 * A finished build whose output is still being recorded: what the caller goes on to print (the
 * release phase, {@code Released vN}) belongs to the build's output too, and the dashboard's build
 * view follows it live until this is closed.
 */
public final class BuildRecording implements AutoCloseable {

	private final Build build;

	private final Progress progress;

	private final Runnable end;

	BuildRecording(Build build, Progress progress, Runnable end) {
		this.build = build;
		this.progress = progress;
		this.end = end;
	}

	public Build build() {
		return build;
	}

	public boolean succeeded() {
		return build.status() == BuildStatus.SUCCEEDED;
	}

	/** Where the build wrote: the push's output, the build's record and the app's log. */
	public Progress progress() {
		return progress;
	}

	/** Ends the recording: the output is stored in full and the build's followers are told it is over. */
	@Override
	public void close() {
		end.run();
	}

}
