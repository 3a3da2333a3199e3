package dev.slipway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Each feature package is a module: no cycles, and none reaches into another's internals. */
class ModularityTest {

	private static final ApplicationModules modules = ApplicationModules.of(SlipwayApplication.class);

	@Test
	void featuresRespectEachOthersBoundaries() {
		modules.verify();
	}

	/**
	 * What runs, releases and changes apps knows nothing of how images are built, not even through
	 * another module: progress goes to {@code progress}, and releases ask the build module through
	 * their own {@code ReleaseBuilds}.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "runtime", "releases", "config", "addons" })
	void doesNotDependOnBuilds(String name) {
		ApplicationModule module = modules.getModuleByName(name).orElseThrow();
		assertThat(module.getAllDependencies(modules).uniqueModules().map(dependency -> dependency.getIdentifier().toString()))
			.contains("apps")
			.doesNotContain("builds");
	}

}
