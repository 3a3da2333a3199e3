package dev.slipway.certificates;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM as Slipway writes it: certificates, and keys in PKCS#8 (private) and X.509 (public) form, the
 * forms every TLS library reads. What the router gets is written here from parsed objects, never
 * passed on as someone sent it.
 */
final class Pem {

	private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] { '\n' });

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	private Pem() {
	}

	static String certificates(List<X509Certificate> chain) {
		StringBuilder pem = new StringBuilder();
		try {
			for (X509Certificate certificate : chain) {
				pem.append(block("CERTIFICATE", certificate.getEncoded()));
			}
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException("Cannot encode a certificate", ex);
		}
		return pem.toString();
	}

	static String privateKey(PrivateKey key) {
		return block("PRIVATE KEY", key.getEncoded());
	}

	/** A key pair as one text: its private key in PKCS#8, then its public key. */
	static String keyPair(KeyPair pair) {
		return privateKey(pair.getPrivate()) + block("PUBLIC KEY", pair.getPublic().getEncoded());
	}

	static KeyPair keyPair(String pem) {
		byte[] privateKey = null;
		byte[] publicKey = null;
		Matcher blocks = BLOCK.matcher(pem);
		while (blocks.find()) {
			byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
			switch (blocks.group(1)) {
				case "PRIVATE KEY" -> privateKey = der;
				case "PUBLIC KEY" -> publicKey = der;
				default -> {
				}
			}
		}
		if (privateKey == null || publicKey == null) {
			throw new IllegalStateException("Not a key pair in PEM");
		}
		try {
			KeyFactory keys = KeyFactory.getInstance("EC");
			return new KeyPair(keys.generatePublic(new X509EncodedKeySpec(publicKey)),
					keys.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an EC key pair", ex);
		}
	}

	private static String block(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

}
