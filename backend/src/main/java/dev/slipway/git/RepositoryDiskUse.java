package dev.slipway.git;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.disk.DiskUseSource;

import org.springframework.stereotype.Component;

/** Each app's repository on disk, for the admin's disk view. */
@Component
class RepositoryDiskUse implements DiskUseSource {

	private final AppRepositories repositories;

	RepositoryDiskUse(AppRepositories repositories) {
		this.repositories = repositories;
	}

	@Override
	public String label() {
		return "Repository";
	}

	@Override
	public boolean bytes() {
		return true;
	}

	@Override
	public Map<Long, Long> byApp(List<App> apps) {
		Map<Long, Long> sizes = new HashMap<>();
		apps.forEach(app -> sizes.put(app.id(), repositories.size(app.name())));
		return sizes;
	}

}
