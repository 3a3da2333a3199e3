package dev.slipway.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.security.auth.x500.X500Principal;

import dev.slipway.errors.SlipwayException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** A certificate chain and private key an owner uploaded, checked: PEM, matching, not expired, and its names. */
record UploadedCertificate(String chainPem, String keyPem, List<String> names, Instant notBefore, Instant notAfter) {

	private static final int MAX_CHAIN = 64 * 1024;

	private static final int MAX_KEY = 16 * 1024;

	static UploadedCertificate parse(String chainPem, String keyPem) {
		if (chainPem == null || chainPem.isBlank() || keyPem == null || keyPem.isBlank()) {
			throw invalid("certificate_missing", "Give the certificate chain and its private key, both in PEM"
					+ " (-----BEGIN CERTIFICATE----- and -----BEGIN PRIVATE KEY-----).");
		}
		if (chainPem.length() > MAX_CHAIN || keyPem.length() > MAX_KEY) {
			throw invalid("certificate_too_large", "A certificate chain may have up to 64 KB and a key up to 16 KB of PEM.");
		}
		List<X509Certificate> chain = chain(chainPem);
		X509Certificate leaf = chain.get(0);
		PrivateKey key = key(keyPem);
		if (!matches(leaf, key)) {
			throw invalid("certificate_key_mismatch", "The private key is not the certificate's: give the key the"
					+ " certificate (the first one in the chain) was issued for.");
		}
		String signature = leaf.getSigAlgName().toUpperCase(java.util.Locale.ROOT);
		if (signature.contains("MD5") || signature.contains("SHA1")) {
			throw invalid("certificate_weak", "The certificate is signed with " + leaf.getSigAlgName()
					+ ", which TLS clients refuse: use one signed with SHA-256 or better.");
		}
		if (key instanceof java.security.interfaces.RSAKey rsa && rsa.getModulus().bitLength() < 2048) {
			throw invalid("certificate_weak", "The key has " + rsa.getModulus().bitLength()
					+ " bits, fewer than the 2048 TLS clients require of RSA.");
		}
		Instant notAfter = leaf.getNotAfter().toInstant();
		if (!notAfter.isAfter(Instant.now())) {
			throw invalid("certificate_expired", "The certificate expired on " + notAfter + ".");
		}
		List<String> names = names(leaf);
		if (names.isEmpty()) {
			throw invalid("certificate_without_names", "The certificate names no hostname (no DNS subject alternative name).");
		}
		return new UploadedCertificate(Pem.certificates(chain), Pem.privateKey(key), names, leaf.getNotBefore().toInstant(),
				notAfter);
	}

	/** Whether the certificate is valid for {@code hostname}: named exactly, or by a wildcard for one label. */
	boolean covers(String hostname) {
		String name = hostname.toLowerCase(Locale.ROOT);
		return names.stream().anyMatch(pattern -> pattern.equals(name) || (pattern.startsWith("*.")
				&& name.endsWith(pattern.substring(1)) && name.indexOf('.') == name.length() - pattern.length() + 1));
	}

	static SlipwayException invalid(String code, String message) {
		return SlipwayException.invalid(code, message);
	}

	private static List<X509Certificate> chain(String pem) {
		try {
			Collection<? extends java.security.cert.Certificate> read = CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
			List<X509Certificate> chain = new ArrayList<>();
			read.forEach(certificate -> chain.add((X509Certificate) certificate));
			if (chain.isEmpty()) {
				throw new CertificateException("no certificate");
			}
			return chain;
		}
		catch (CertificateException | ClassCastException ex) {
			throw invalid("certificate_invalid", "The certificate chain is not PEM X.509 certificates (" + ex.getMessage() + ").");
		}
	}

	private static PrivateKey key(String pem) {
		try (PEMParser parser = new PEMParser(new StringReader(pem))) {
			Object read = parser.readObject();
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			if (read instanceof PEMKeyPair pair) {
				return converter.getPrivateKey(pair.getPrivateKeyInfo());
			}
			if (read instanceof PrivateKeyInfo info) {
				return converter.getPrivateKey(info);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw invalid("private_key_invalid", "The private key is not a PEM key (" + ex.getMessage() + ").");
		}
		throw invalid("private_key_invalid", "The private key is not an unencrypted PEM key (-----BEGIN PRIVATE KEY-----).");
	}

	/** Signs with the key and checks with the certificate's public key. */
	private static boolean matches(X509Certificate certificate, PrivateKey key) {
		String algorithm = switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC", "ECDSA" -> "SHA256withECDSA";
			case "Ed25519", "EdDSA" -> "Ed25519";
			default -> null;
		};
		if (algorithm == null) {
			throw invalid("private_key_invalid", "A " + key.getAlgorithm() + " key is not one the router serves: use RSA or EC.");
		}
		try {
			byte[] probe = "slipway".getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(key);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(probe);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static List<String> names(X509Certificate certificate) {
		List<String> names = new ArrayList<>();
		try {
			Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
			if (alternatives != null) {
				for (List<?> alternative : alternatives) {
					if (Integer.valueOf(2).equals(alternative.get(0))) {
						names.add(alternative.get(1).toString().toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		catch (CertificateException ex) {
			throw invalid("certificate_invalid", "Cannot read the certificate's names: " + ex.getMessage());
		}
		if (names.isEmpty()) {
			String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
			for (String part : subject.split(",")) {
				if (part.startsWith("CN=")) {
					names.add(part.substring(3).toLowerCase(Locale.ROOT));
				}
			}
		}
		return List.copyOf(names);
	}

}
