package dev.slipway.router;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A certificate the router serves for a hostname: its chain and private key in PEM. Its file in the
 * router is named by a digest of both, so a renewed certificate is a new file and a reload switches
 * to it at once.
 */
public record TlsCertificate(String chainPem, String keyPem) {

	@Override
	public String toString() {
		return "TlsCertificate[" + fileName() + "]";
	}

	String fileName() {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(chainPem.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(keyPem.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest(), 0, 16) + ".pem";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What nginx reads: the chain, then the key, in one file only root may read. */
	byte[] file() {
		return (chainPem.strip() + "\n" + keyPem.strip() + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
