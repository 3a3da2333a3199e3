package dev.slipway.certificates;

/** Who provides a hostname's certificate. */
public enum CertificateSource {

	/** The ACME CA, renewed automatically. */
	ACME,
	/** The app's owner, who renews it by uploading a new one. */
	UPLOADED

}
