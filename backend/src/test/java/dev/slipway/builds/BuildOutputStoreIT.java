package dev.slipway.builds;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The build output store against the real database: paging while recording, bad writes, retention. */
class BuildOutputStoreIT {

	static SlipwayUnderTest slipway;

	static BuildOutputStore store;

	static App app;

	@BeforeAll
	static void start() {
		slipway = SlipwayUnderTest.shared();
		store = slipway.bean(BuildOutputStore.class);
		String name = slipway.createApp("output");
		app = slipway.bean(AppService.class).all().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void aLineThatCannotBeStoredIsDroppedAndTheRecordingStillEnds() {
		// No such build: every write of its output fails on the foreign key, as a bad line would.
		long missing = Long.MAX_VALUE;
		BuildOutputStore.Recorder recorder = store.record(missing);
		recorder.line("first");
		recorder.flush();
		recorder.line("second");
		recorder.close();
		OutputPage page = store.page(missing, 0, 10);
		assertThat(page.lines()).isEmpty();
		assertThat(page.ended()).isTrue();
	}

	@Test
	void readersPageThroughTheOutputWhileItIsWrittenAndAfter() throws Exception {
		long build = newBuild();
		BuildOutputStore.Recorder recorder = store.record(build);
		IntStream.rangeClosed(1, 1500).forEach(i -> recorder.line("line " + i));
		recorder.flush();
		IntStream.rangeClosed(1501, 2500).forEach(i -> recorder.line("line " + i));

		assertThat(numbers(store.page(build, 0, 1000))).containsExactlyElementsOf(range(1, 1000));
		assertThat(numbers(store.page(build, 1000, 1000))).containsExactlyElementsOf(range(1001, 2000));
		OutputPage last = store.page(build, 2000, 1000);
		assertThat(numbers(last)).containsExactlyElementsOf(range(2001, 2500));
		assertThat(last.ended()).isFalse();
		assertThat(numbers(store.tail(build, 3))).containsExactly(2498, 2499, 2500);
		assertThat(store.await(build, 2500, Duration.ofMillis(200))).isFalse();

		CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
			try {
				return store.await(build, 2500, Duration.ofMinutes(1));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		recorder.line("nul \0 byte");
		assertThat(waiting.get()).isTrue();
		recorder.close();

		OutputPage end = store.page(build, 2500, 1000);
		assertThat(end.lines()).extracting(OutputLine::text).containsExactly("nul \\x00 byte");
		assertThat(end.ended()).isTrue();
		assertThat(store.await(build, 2501, Duration.ofMinutes(1))).isTrue();
		assertThat(numbers(store.tail(build, 2))).containsExactly(2500, 2501);
	}

	@Test
	void keepsTheOutputOfTheNewestBuildsOnlyAndTheirRecords() {
		long oldest = newBuild();
		try (BuildOutputStore.Recorder recorder = store.record(oldest)) {
			recorder.line("old output");
		}
		assertThat(store.expiry(oldest)).isEmpty();
		for (int i = 0; i < 50; i++) {
			try (BuildOutputStore.Recorder recorder = store.record(newBuild())) {
				recorder.line("newer output " + i);
			}
		}
		assertThat(store.page(oldest, 0, 10).lines()).isEmpty();
		assertThat(store.expiry(oldest)).hasValueSatisfying(message -> assertThat(message).contains("has expired")
			.contains("last 50 builds"));
		assertThat(slipway.bean(Builds.class).findById(oldest)).isPresent();
	}

	private static long newBuild() {
		return slipway.bean(Builds.class).save(new Build(app.id(), "0".repeat(40), "test@slipway.test")).id();
	}

	private static List<Integer> numbers(OutputPage page) {
		return page.lines().stream().map(OutputLine::number).toList();
	}

	private static List<Integer> range(int from, int to) {
		return IntStream.rangeClosed(from, to).boxed().toList();
	}

}
