package dev.slipway.identity;

import java.time.Instant;

/** A user's SSH public key as lists show it: its name (the key's comment unless given), fingerprint and line. */
public record SshKeySummary(long id, String name, String fingerprint, String publicKey, Instant createdAt,
		Instant lastUsedAt) {
}
