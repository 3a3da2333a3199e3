package dev.slipway.apps;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many apps one user may own (Heroku's limit is 100 per account); admins, the operators, are not counted. */
@ConfigurationProperties("slipway.apps")
record AppSettings(@DefaultValue("100") int maxPerUser) {

	AppSettings {
		if (maxPerUser < 1) {
			throw new IllegalArgumentException("slipway.apps.max-per-user must be at least 1");
		}
	}

}
