package dev.slipway.instance;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the data directory for its owner only at start, and takes group's and others' permissions from
 * whatever is already in it, so an installation made by an older Slipway or with a loose umask is closed too.
 */
@Component
class DataDirectory implements SmartInitializingSingleton {

	private final InstanceSettings settings;

	DataDirectory(InstanceSettings settings) {
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		settings.dataFile("git");
		OwnerOnly.tighten(settings.dataDir());
	}

}
