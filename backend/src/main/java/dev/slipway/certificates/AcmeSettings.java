package dev.slipway.certificates;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic certificates: the ACME CA's directory (Let's Encrypt's production one unless set;
 * {@code acme://letsencrypt.org/staging} is its staging one), the contact email the CA writes to about
 * expiring certificates, whether Slipway agrees to the CA's terms of service for you, a PEM bundle of
 * extra CA certificates to trust when talking to the CA (a private or test CA), the DNS server the
 * pre-check asks (the system's resolver unless set), the port the CA's HTTP-01 validation connects to
 * (80, where the router should be reachable), and the back-off of failed attempts.
 */
@ConfigurationProperties("slipway.acme")
public record AcmeSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("acme://letsencrypt.org") String directoryUrl, @DefaultValue("") String email,
		@DefaultValue("true") boolean termsAgreed, @DefaultValue("") String caFile, @DefaultValue("") String dnsServer,
		@DefaultValue("80") int challengePort, @DefaultValue("1m") Duration retryAfter,
		@DefaultValue("6h") Duration maxRetryAfter) {

	/** How long to wait after the given number of failed attempts in a row: doubling, up to the maximum. */
	Duration backOff(int attempts) {
		Duration wait = retryAfter.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
	}

}
