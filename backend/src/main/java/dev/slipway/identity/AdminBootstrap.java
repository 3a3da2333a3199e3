package dev.slipway.identity;

import dev.slipway.errors.SlipwayException;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the admin account from SLIPWAY_ADMIN_EMAIL / SLIPWAY_ADMIN_PASSWORD on a first start, so
 * an unattended installation needs no visit to the setup page. Ignored once any account exists. Runs
 * before the web server starts, so the first request an installer script sends finds the account.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserAccounts accounts;

	private final AdminSettings settings;

	private final SetupGuard setup;

	AdminBootstrap(UserAccounts accounts, AdminSettings settings, SetupGuard setup) {
		this.accounts = accounts;
		this.settings = settings;
		this.setup = setup;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!accounts.setupRequired()) {
			return;
		}
		if (!settings.configured()) {
			return;
		}
		try {
			UserPrincipal admin = accounts.createFirstAdmin(settings.email(), settings.password());
			log.info("Created the admin account {} from SLIPWAY_ADMIN_EMAIL", admin.email());
		}
		catch (SlipwayException ex) {
			throw new StartupFailure("SLIPWAY_ADMIN_EMAIL / SLIPWAY_ADMIN_PASSWORD cannot make the admin account: "
					+ ex.getMessage(), "Fix the two variables, or unset them and create the account on the setup page.");
		}
	}

	/**
	 * Names the setup page and its code once Slipway serves: a run that only builds the context (the
	 * AOT cache's training run) would print a code that no later start accepts.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void announceSetup() {
		if (accounts.setupRequired()) {
			log.info("No account yet: open the dashboard on this machine (http://localhost:<port>/setup) to create the "
					+ "admin account; from another machine the setup page asks for the code below");
			log.info("First-run setup code: {}", setup.code());
		}
	}

}
