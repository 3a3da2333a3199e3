package dev.slipway.router;

import java.util.Map;

/**
 * Where the router finds, when it starts, the certificates valid now by hostname, so that its first
 * routes after a restart serve HTTPS as before; the feature that keeps certificates provides it.
 */
public interface ServedCertificates {

	Map<String, TlsCertificate> valid();

}
