package dev.slipway;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Each feature package is a module: no cycles, and none reaches into another's internals. */
class ModularityTest {

	@Test
	void featuresRespectEachOthersBoundaries() {
		ApplicationModules.of(SlipwayApplication.class).verify();
	}

}
