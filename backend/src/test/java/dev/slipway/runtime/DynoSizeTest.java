package dev.slipway.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynoSizeTest {

	@Test
	void summariesAreShortEnoughForAPhonesDropdown() {
		assertThat(DynoSize.BASIC.summary()).isEqualTo("512 MiB, 0.5 CPU");
		assertThat(DynoSize.STANDARD_1X.summary()).isEqualTo("512 MiB, 1 CPU");
		assertThat(DynoSize.STANDARD_2X.summary()).isEqualTo("1 GiB, 2 CPU");
		assertThat(DynoSize.PERFORMANCE_M.summary()).isEqualTo("2.5 GiB, 2 CPU");
		assertThat(DynoSize.PERFORMANCE_L.summary()).isEqualTo("14 GiB, 4 CPU");
	}

}
