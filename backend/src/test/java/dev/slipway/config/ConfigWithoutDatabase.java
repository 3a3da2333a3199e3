package dev.slipway.config;

import dev.slipway.apps.AppLocks;
import dev.slipway.apps.AppService;
import dev.slipway.logs.UnstoredAppLogs;
import dev.slipway.releases.ReleaseService;
import dev.slipway.test.InMemoryRepositories;
import dev.slipway.test.NoTransactions;

import org.springframework.context.ApplicationEventPublisher;

/** A real {@link ConfigService} with its config vars and change audit kept in memory. */
public final class ConfigWithoutDatabase {

	private ConfigWithoutDatabase() {
	}

	public static ConfigService service(ReleaseService releases, AppService apps, ApplicationEventPublisher events,
			AppLocks locks) {
		return new ConfigService(InMemoryRepositories.of(ConfigVars.class, events),
				InMemoryRepositories.of(ConfigChanges.class, events), releases, NoTransactions.template(), apps,
				UnstoredAppLogs.create(), locks);
	}

}
