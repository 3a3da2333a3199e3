package dev.slipway.certificates;

import java.time.Instant;

/** What a CA issued: the chain and its key in PEM, and when the certificate is valid. */
record IssuedCertificate(String chainPem, String keyPem, Instant notBefore, Instant notAfter) {
}
