package dev.slipway.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.test.EventStreamClient;

/**
 * What a live follower of an app's log received: every line checked by its sequence number (the
 * event's id) and, for the lines of the dyno that writes numbered lines, by their own numbers; with
 * the latencies of the ticker dyno's lines ({@code app[tick.1]: tick N}) from the container's write.
 */
final class FollowedLines {

	final List<Long> latencies = new ArrayList<>();

	final List<Long> tickLatencies = new ArrayList<>();

	final List<Long> numbers = new ArrayList<>();

	final List<Long> ids = new ArrayList<>();

	int notices;

	Instant firstWritten;

	Instant lastReceived;

	long firstNumberedSeq;

	/**
	 * @param numbered a numbered line, its number the first group
	 * @param entered when Slipway numbered a line (its sequence number), null when unknown: then no
	 * latency from Slipway is counted
	 */
	FollowedLines(List<EventStreamClient.Event> events, Pattern numbered, LongFunction<Instant> entered) {
		for (EventStreamClient.Event event : events) {
			long seq = Long.parseLong(event.id());
			ids.add(seq);
			Instant at = entered.apply(seq);
			if (at != null) {
				latencies.add(Duration.between(at, event.arrived()).toMillis());
			}
			if (event.data().contains(" slipway[logs]: ")) {
				notices++;
			}
			if (event.data().contains(" app[tick.1]: tick ")) {
				tickLatencies.add(Duration.between(written(event), event.arrived()).toMillis());
			}
			Matcher line = numbered.matcher(event.data());
			if (line.find()) {
				numbers.add(Long.parseLong(line.group(1)));
				if (firstWritten == null) {
					firstWritten = written(event);
					firstNumberedSeq = seq;
				}
				lastReceived = event.arrived();
			}
		}
	}

	static long count(List<EventStreamClient.Event> events, Pattern numbered) {
		return events.stream().filter(event -> numbered.matcher(event.data()).find()).count();
	}

	/** Of the {@code expected} numbered lines: how many came, were lost, repeated or out of order, and the drop notices. */
	String numbered(long expected) {
		long distinct = numbers.stream().distinct().count();
		long outOfOrder = 0;
		for (int i = 1; i < numbers.size(); i++) {
			if (numbers.get(i) < numbers.get(i - 1)) {
				outOfOrder++;
			}
		}
		return String.format("received %,d of %,d numbered lines (%,d lost, %,d repeated, %,d out of order), %d drop notices",
				distinct, expected, expected - distinct, numbers.size() - distinct, outOfOrder, notices);
	}

	/** Lines of the app missing between the first and the last received (by sequence number), repeated or out of order. */
	String gaps() {
		long missing = 0;
		long backwards = 0;
		for (int i = 1; i < ids.size(); i++) {
			long step = ids.get(i) - ids.get(i - 1);
			if (step > 1) {
				missing += step - 1;
			}
			else if (step < 1) {
				backwards++;
			}
		}
		return String.format("%,d lines of the app in all, %,d missing between them, %,d repeated or out of order",
				ids.size(), missing, backwards);
	}

	private static Instant written(EventStreamClient.Event event) {
		return OffsetDateTime.parse(event.data().substring(0, event.data().indexOf(' '))).toInstant();
	}

}
