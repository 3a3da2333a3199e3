package dev.slipway.apps;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.slipway.errors.SlipwayException;
import dev.slipway.progress.RecordingProgress;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppLocksTest {

	private final AppLocks locks = new AppLocks(Duration.ofMillis(300));

	private final App app = app(7, "shop");

	@Test
	void aPushTakesTheLockAgainOnItsOwnThreadForWhatItReleasesAndRollsOut() {
		RecordingProgress progress = new RecordingProgress();
		Optional<String> result = locks.queued(app, progress,
				() -> locks.with(app.id(), () -> locks.with(app.id(), () -> "released")));
		assertThat(result).contains("released");
		assertThat(progress.lines()).isEmpty();
	}

	@Test
	void whatQueuedBehindADeletionIsRefusedOnceItGetsTheLocks() throws InterruptedException {
		CountDownLatch deleting = new CountDownLatch(1);
		CountDownLatch deleted = new CountDownLatch(1);
		Thread deletion = Thread.ofVirtual().start(() -> locks.exclusive(app.id(), () -> {
			deleting.countDown();
			await(deleted);
			locks.deleted(app.id());
			return null;
		}));
		deleting.await();
		deleted.countDown();
		deletion.join();

		assertThatThrownBy(() -> locks.with(app.id(), () -> "rolled out"))
			.isInstanceOf(SlipwayException.class)
			.hasMessage("The app was deleted while this change waited.");
		RecordingProgress progress = new RecordingProgress();
		assertThat(locks.queued(app, progress, () -> "pushed")).isEmpty();
		assertThat(progress.text()).contains("shop was deleted while this push waited.");
	}

	@Test
	void aPushWaitsForAnotherPushAndSaysSo() throws InterruptedException {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread first = Thread.ofVirtual().start(() -> locks.queued(app, new RecordingProgress(), () -> {
			held.countDown();
			await(release);
			return true;
		}));
		held.await();
		RecordingProgress progress = new RecordingProgress();
		Optional<Boolean> waited = locks.queued(app, progress, () -> true);
		assertThat(waited).isEmpty();
		assertThat(progress.text()).contains("-----> Another push to shop is deploying; waiting for it to finish")
			.contains(" !     The other push to shop is still deploying");
		release.countDown();
		first.join();
		assertThat(locks.queued(app, new RecordingProgress(), () -> true)).contains(true);
	}

	@Test
	void aChangeGoesAheadWhileAPushBuildsButNotWhileItReleasesAndDeletionWaitsForThePush() throws InterruptedException {
		CountDownLatch building = new CountDownLatch(1);
		CountDownLatch built = new CountDownLatch(1);
		CountDownLatch releasing = new CountDownLatch(1);
		CountDownLatch released = new CountDownLatch(1);
		Thread push = Thread.ofVirtual().start(() -> locks.queued(app, new RecordingProgress(), () -> {
			building.countDown();
			await(built);
			return locks.with(app.id(), () -> {
				releasing.countDown();
				await(released);
				return true;
			});
		}));
		building.await();
		assertThat(locks.with(app.id(), () -> "config changed")).as("while the push builds").isEqualTo("config changed");
		assertThatThrownBy(() -> locks.exclusive(app.id(), () -> null)).as("deletion waits for the push")
			.isInstanceOf(SlipwayException.class);
		built.countDown();
		releasing.await();
		assertThatThrownBy(() -> locks.with(app.id(), () -> null)).as("while the push releases")
			.isInstanceOf(SlipwayException.class)
			.hasMessageContaining("Another change to this app is still under way");
		assertThat(locks.with(app(8, "blog").id(), () -> "other apps do not wait")).isEqualTo("other apps do not wait");
		released.countDown();
		push.join();
		assertThat(locks.exclusive(app.id(), () -> "deleted")).isEqualTo("deleted");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static App app(long id, String name) {
		App app = new App(name, 1);
		ReflectionTestUtils.setField(app, "id", id);
		return app;
	}

}
