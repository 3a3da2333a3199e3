package dev.slipway.router;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The router: the port it listens on (80 in production), the domain apps live under
 * ({@code <app>.<base-domain>}), its upstream timeouts, and how many custom domains one app may have
 * (each is a line of the one router configuration every app shares).
 */
@ConfigurationProperties("slipway.router")
public record RouterSettings(@DefaultValue("8000") int port, @DefaultValue("localhost") String baseDomain,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("100") int maxDomainsPerApp) {

	/** The address an app answers at. */
	public String url(String app) {
		return "http://" + app + "." + baseDomain + (port == 80 ? "" : ":" + port) + "/";
	}

}
