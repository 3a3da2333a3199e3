package dev.slipway.runtime;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.slipway.apps.App;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The fake keeps the contract, so tests that run against it test what the real runtime does. */
class FakeDynoRuntimeTest extends DynoRuntimeContract {

	private static final AtomicLong IDS = new AtomicLong();

	private final FakeDynoRuntime runtime = new FakeDynoRuntime();

	@Override
	protected DynoRuntime runtime() {
		return runtime;
	}

	@Override
	protected App newApp() {
		long id = IDS.incrementAndGet();
		App app = mock(App.class);
		when(app.id()).thenReturn(id);
		when(app.name()).thenReturn("fake-" + id);
		return app;
	}

	@Override
	protected DeploySpec release(App app) {
		return webRelease(app, "fake-image", Map.of(ProcessType.WEB, "./server.sh"), false);
	}

}
