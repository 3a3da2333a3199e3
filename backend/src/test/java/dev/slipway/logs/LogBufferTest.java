package dev.slipway.logs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogBufferTest {

	@Test
	void anAppAloneFillsHalfTheBufferAndNoMore() {
		LogBuffer buffer = new LogBuffer(1000);
		int taken = 0;
		while (buffer.reserve(1, 10)) {
			taken++;
		}
		assertThat(taken * 10L).isEqualTo(500);
		assertThat(buffer.used(1)).isEqualTo(500);
	}

	@Test
	void aFloodingAppLeavesRoomForAnotherWhichKeepsItsShare() {
		LogBuffer buffer = new LogBuffer(1200);
		while (buffer.reserve(1, 10)) {
			// The flooder takes what it can.
		}
		assertThat(buffer.reserve(1, 10)).isFalse();
		int quiet = 0;
		while (buffer.reserve(2, 10)) {
			quiet++;
		}
		assertThat(quiet * 10L).as("a third of the buffer, with two apps writing").isEqualTo(400);
		assertThat(buffer.used()).isLessThanOrEqualTo(buffer.capacity());
	}

	@Test
	void storedLinesGiveTheirRoomBack() {
		LogBuffer buffer = new LogBuffer(1000);
		assertThat(buffer.reserve(1, 500)).isTrue();
		assertThat(buffer.reserve(1, 1)).isFalse();
		buffer.release(1, 500);
		assertThat(buffer.used()).isZero();
		assertThat(buffer.reserve(1, 500)).isTrue();
	}

	@Test
	void theBufferNeverHoldsMoreThanItsSize() {
		LogBuffer buffer = new LogBuffer(1000);
		for (long app = 1; app <= 50; app++) {
			while (buffer.reserve(app, 7)) {
				// Each app takes its share.
			}
		}
		assertThat(buffer.used()).isLessThanOrEqualTo(1000);
	}

	@Test
	void noticesGetInWhenTheAppsShareIsFull() {
		LogBuffer buffer = new LogBuffer(1000);
		while (buffer.reserve(1, 10)) {
			// Full.
		}
		buffer.force(1, 100);
		assertThat(buffer.used(1)).isEqualTo(600);
		buffer.release(1, 600);
		assertThat(buffer.used()).isZero();
	}

}
