package dev.slipway.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.slipway.instance.InstanceSettings;
import dev.slipway.instance.StartupFailure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (config vars, release snapshots, add-on credentials) with AES-256-GCM.
 * The key comes from SLIPWAY_SECRET_KEY (32 bytes, base64) or from {@code secret.key} in the data
 * directory, made on the first start. Lose the key and the secrets are lost with it.
 */
@Component
public class SecretBox {

	static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(InstanceSettings instance, @Value("${slipway.secret-key:}") String configuredKey) {
		this.key = new SecretKeySpec(keyBytes(instance, configuredKey), "AES");
	}

	public String encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("A stored secret is not encrypted with Slipway's key format");
		}
		try {
			byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored secret cannot be decrypted: the secret key differs from the one "
					+ "that encrypted it (SLIPWAY_SECRET_KEY or secret.key in the data directory)", ex);
		}
	}

	private static byte[] keyBytes(InstanceSettings instance, String configuredKey) {
		if (configuredKey != null && !configuredKey.isBlank()) {
			return decodeKey(configuredKey.strip(), "SLIPWAY_SECRET_KEY");
		}
		String key = instance.secret("secret.key", () -> {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			return Base64.getEncoder().encodeToString(fresh);
		});
		return decodeKey(key, instance.dataFile("secret.key").toString());
	}

	private static byte[] decodeKey(String base64, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != 32) {
			throw new StartupFailure("The secret key in " + source + " is not 32 bytes of base64.",
					"Make one with `openssl rand -base64 32`, or unset SLIPWAY_SECRET_KEY to use the key file in the data "
							+ "directory.");
		}
		return bytes;
	}

}
