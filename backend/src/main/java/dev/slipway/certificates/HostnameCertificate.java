package dev.slipway.certificates;

import java.time.Instant;

/**
 * A hostname and where its certificate stands: the HTTPS address it answers at once issued, who
 * provides it, when it expires, the last problem (the CA's reason, or why none is asked for) and when
 * Slipway tries next (renewal or retry).
 */
public record HostnameCertificate(String hostname, String httpsUrl, CertificateStatus status, CertificateSource source,
		Instant expiresAt, String problem, Instant nextAttemptAt) {

	public boolean hasCertificate() {
		return status == CertificateStatus.ISSUED;
	}

}
