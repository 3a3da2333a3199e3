package dev.slipway.certificates;

/** Where a hostname's certificate stands, as the domains section shows it. */
public enum CertificateStatus {

	/** None yet: waiting for the hostname to reach the router, or for the CA. */
	PENDING,
	/** Served by the router (and renewed in time, when the CA issued it). */
	ISSUED,
	/** The CA refused the last attempt; tried again after a back-off. */
	FAILED

}
