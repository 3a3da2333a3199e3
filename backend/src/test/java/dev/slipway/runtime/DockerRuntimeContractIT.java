package dev.slipway.runtime;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.test.GitProject;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/** The Docker runtime keeps the contract, with the image of the procfile sample app. */
class DockerRuntimeContractIT extends DynoRuntimeContract {

	static SlipwayUnderTest slipway;

	static DeploySpec sample;

	@BeforeAll
	static void buildTheSample() {
		slipway = SlipwayUnderTest.shared();
		String name = slipway.createApp("contract-sample");
		assertThat(GitProject.sample("procfile").push(slipway, name, slipway.adminToken()).succeeded()).isTrue();
		sample = slipway.bean(Deployments.class).findById(app(name).id()).orElseThrow().spec(name);
	}

	@Override
	protected DynoRuntime runtime() {
		return slipway.bean(DynoRuntime.class);
	}

	@Override
	protected App newApp() {
		return app(slipway.createApp("contract"));
	}

	@Override
	protected DeploySpec release(App app) {
		return webRelease(app, sample.image(), sample.processTypes(), sample.builtByBuildpack());
	}

	private static App app(String name) {
		return slipway.bean(AppService.class).all().stream().filter(app -> app.name().equals(name)).findFirst().orElseThrow();
	}

}
