package dev.slipway.router;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The router: the ports it listens on (80 and 443 in production; an HTTPS port of 0 turns HTTPS off),
 * the domain apps live under ({@code <app>.<base-domain>}), the hostname of Slipway's own dashboard,
 * API and git ({@code slipway.<base-domain>} unless set), its upstream timeouts, and how many custom
 * domains one app may have (each is a line of the one router configuration every app shares).
 */
@ConfigurationProperties("slipway.router")
public record RouterSettings(@DefaultValue("8000") int port, @DefaultValue("443") int httpsPort,
		@DefaultValue("localhost") String baseDomain, @DefaultValue("") String hostname,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("100") int maxDomainsPerApp) {

	/** The address an app answers at over plain HTTP. */
	public String url(String app) {
		return "http://" + app + "." + baseDomain + (port == 80 ? "" : ":" + port) + "/";
	}

	/** The address an app answers at over HTTPS, once it has a certificate. */
	public String httpsUrl(String hostname) {
		return "https://" + hostname + (httpsPort == 443 ? "" : ":" + httpsPort) + "/";
	}

	public boolean httpsEnabled() {
		return httpsPort > 0;
	}

	/** The hostname the router serves Slipway itself at. */
	public String controlPlaneHostname() {
		return hostname.isBlank() ? "slipway." + baseDomain : hostname.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
