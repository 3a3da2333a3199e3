package dev.slipway.router;

/**
 * What an app asks of HTTPS once it has a certificate: whether plain HTTP requests are redirected to
 * HTTPS (ACME challenges are always answered on HTTP), and whether browsers are told to use only
 * HTTPS from then on (HSTS).
 */
public record HttpsPolicy(boolean redirect, boolean hsts) {

	public static final HttpsPolicy DEFAULT = new HttpsPolicy(true, false);

}
