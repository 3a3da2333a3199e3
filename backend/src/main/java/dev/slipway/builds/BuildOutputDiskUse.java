package dev.slipway.builds;

import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.disk.DiskUseSource;

import org.springframework.stereotype.Component;

/** The kept output of each app's finished builds, for the admin's disk view. */
@Component
class BuildOutputDiskUse implements DiskUseSource {

	private final BuildOutputStore output;

	BuildOutputDiskUse(BuildOutputStore output) {
		this.output = output;
	}

	@Override
	public String label() {
		return "Build output";
	}

	@Override
	public boolean bytes() {
		return true;
	}

	@Override
	public Map<Long, Long> byApp(List<App> apps) {
		return output.bytesByApp();
	}

}
