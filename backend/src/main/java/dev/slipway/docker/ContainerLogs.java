package dev.slipway.docker;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;

/** Short reads of a container's output, for error messages. */
public final class ContainerLogs {

	private ContainerLogs() {
	}

	/** The last lines a container wrote to stdout and stderr; empty if it cannot be read. */
	public static List<String> tail(DockerClients docker, String container, int lines) {
		List<String> output = new ArrayList<>();
		LineBuffer buffer = new LineBuffer(output::add);
		try {
			read(docker.api().logContainerCmd(container).withTail(lines), buffer);
		}
		catch (RuntimeException ex) {
			output.add("(cannot read the output of " + container + ": " + ex.getMessage() + ")");
		}
		buffer.flush();
		return output;
	}

	/**
	 * The lines a container wrote to stdout and stderr at or after {@code since}; empty if they cannot
	 * be read. Docker filters by the second, so its timestamps on each line sort out the rest.
	 */
	public static List<String> since(DockerClients docker, String container, Instant since) {
		List<String> output = new ArrayList<>();
		LineBuffer buffer = new LineBuffer(line -> {
			int space = line.indexOf(' ');
			try {
				if (space > 0 && !Instant.parse(line.substring(0, space)).isBefore(since)) {
					output.add(line.substring(space + 1));
				}
			}
			catch (DateTimeParseException ex) {
				// A line redrawn after a carriage return lost its timestamp: not one to judge by its time.
			}
		});
		try {
			read(docker.api()
				.logContainerCmd(container)
				.withTimestamps(true)
				.withSince((int) since.getEpochSecond()), buffer);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		buffer.flush();
		return output;
	}

	/** Reads what the command asks for, stdout and stderr, into the buffer for up to 10 s. */
	private static void read(LogContainerCmd command, LineBuffer buffer) {
		try {
			command.withStdOut(true)
				.withStdErr(true)
				.exec(new ResultCallback.Adapter<Frame>() {
					@Override
					public void onNext(Frame frame) {
						buffer.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
					}
				})
				.awaitCompletion(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Folds repeats: a line, or a block of lines, that comes again straight after itself is kept once,
	 * followed by how often it repeated. Of the blocks starting at a line, the one whose repeats cover
	 * the most lines wins (the shortest on a tie), so a multi-line error printed in a loop folds whole.
	 */
	public static List<String> fold(List<String> lines) {
		List<String> folded = new ArrayList<>();
		int start = 0;
		while (start < lines.size()) {
			int bestBlock = 1;
			int bestRepeats = 0;
			for (int block = 1; start + 2 * block <= lines.size(); block++) {
				int repeats = 0;
				while (start + (repeats + 2) * block <= lines.size()
						&& sameBlock(lines, start, start + (repeats + 1) * block, block)) {
					repeats++;
				}
				if (repeats > 0 && (repeats + 1) * block > (bestRepeats + 1) * bestBlock) {
					bestBlock = block;
					bestRepeats = repeats;
				}
			}
			folded.addAll(lines.subList(start, start + bestBlock));
			if (bestRepeats > 0) {
				String times = bestRepeats + (bestRepeats == 1 ? " more time)" : " more times)");
				folded.add(bestBlock == 1 ? "(repeated " + times
						: "(the " + bestBlock + " lines above repeated " + times);
			}
			start += (bestRepeats + 1) * bestBlock;
		}
		return folded;
	}

	private static boolean sameBlock(List<String> lines, int first, int second, int length) {
		return lines.subList(first, first + length).equals(lines.subList(second, second + length));
	}

}
