package dev.slipway.router;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The router: the port it listens on (80 in production), the domain apps live under
 * ({@code <app>.<base-domain>}), and its upstream timeouts.
 */
@ConfigurationProperties("slipway.router")
public record RouterSettings(@DefaultValue("8000") int port, @DefaultValue("localhost") String baseDomain,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {

	/** The address an app answers at. */
	public String url(String app) {
		return "http://" + app + "." + baseDomain + (port == 80 ? "" : ":" + port) + "/";
	}

}
