package dev.slipway.addons;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of each Postgres add-on's role on the shared add-on server: how many connections it may
 * hold at once, and the statement timeout its sessions start with (0 for none).
 */
@ConfigurationProperties("slipway.addons")
record AddonSettings(@DefaultValue("20") int connectionLimit, @DefaultValue("60s") Duration statementTimeout) {

	AddonSettings {
		if (connectionLimit < 1) {
			throw new IllegalArgumentException("slipway.addons.connection-limit (SLIPWAY_ADDONS_CONNECTION_LIMIT) must be "
					+ "at least 1; it is " + connectionLimit + ".");
		}
		if (statementTimeout.isNegative()) {
			throw new IllegalArgumentException("slipway.addons.statement-timeout (SLIPWAY_ADDONS_STATEMENT_TIMEOUT) must be "
					+ "0 (none) or more; it is " + statementTimeout + ".");
		}
	}

}
