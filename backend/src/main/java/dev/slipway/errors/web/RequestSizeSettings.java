package dev.slipway.errors.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The largest request body the API and pages take; git pushes have limits of their own (slipway.git.*). */
@ConfigurationProperties("slipway.api")
record RequestSizeSettings(@DefaultValue("1MB") DataSize maxRequestSize) {

	RequestSizeSettings {
		if (maxRequestSize.toBytes() < 1024) {
			throw new IllegalArgumentException("slipway.api.max-request-size must be at least 1KB");
		}
	}

}
