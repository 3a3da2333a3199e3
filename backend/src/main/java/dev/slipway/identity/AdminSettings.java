package dev.slipway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** SLIPWAY_ADMIN_EMAIL and SLIPWAY_ADMIN_PASSWORD: the admin account of an unattended first start. */
@ConfigurationProperties("slipway.admin")
record AdminSettings(String email, String password) {

	boolean configured() {
		return email != null && !email.isBlank();
	}

}
