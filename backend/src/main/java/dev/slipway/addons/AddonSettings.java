package dev.slipway.addons;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the Postgres add-ons on the shared add-on server: how many connections each add-on's role
 * may hold at once, the statement timeout its sessions start with (0 for none), how many add-ons one
 * user's apps may have, and the server's own {@code max_connections}, which every add-on's connections
 * must fit in together.
 */
@ConfigurationProperties("slipway.addons")
record AddonSettings(@DefaultValue("20") int connectionLimit, @DefaultValue("60s") Duration statementTimeout,
		@DefaultValue("5") int maxPerUser, @DefaultValue("500") int maxConnections) {

	/** PostgreSQL's superuser_reserved_connections: what Slipway's own administration always finds free. */
	static final int RESERVED_CONNECTIONS = 3;

	AddonSettings {
		if (connectionLimit < 1) {
			throw new IllegalArgumentException("slipway.addons.connection-limit (SLIPWAY_ADDONS_CONNECTION_LIMIT) must be "
					+ "at least 1; it is " + connectionLimit + ".");
		}
		if (statementTimeout.isNegative()) {
			throw new IllegalArgumentException("slipway.addons.statement-timeout (SLIPWAY_ADDONS_STATEMENT_TIMEOUT) must be "
					+ "0 (none) or more; it is " + statementTimeout + ".");
		}
		if (maxPerUser < 1) {
			throw new IllegalArgumentException("slipway.addons.max-per-user (SLIPWAY_ADDONS_MAX_PER_USER) must be at least 1; "
					+ "it is " + maxPerUser + ".");
		}
		if (maxConnections < RESERVED_CONNECTIONS + connectionLimit || maxConnections > 10_000) {
			throw new IllegalArgumentException("slipway.addons.max-connections (SLIPWAY_ADDONS_MAX_CONNECTIONS) must leave room "
					+ "for one add-on (at least " + (RESERVED_CONNECTIONS + connectionLimit)
					+ " with SLIPWAY_ADDONS_CONNECTION_LIMIT " + connectionLimit + ") and be at most 10000; it is "
					+ maxConnections + ".");
		}
	}

	/**
	 * How many add-ons the server holds, each with its whole connection limit at once: the connections
	 * of all add-ons together never exceed the server's, so no tenant can take another's.
	 */
	int capacity() {
		return (maxConnections - RESERVED_CONNECTIONS) / connectionLimit;
	}

}
