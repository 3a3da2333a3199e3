package dev.slipway.identity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "ssh_keys")
class SshKey {

	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id")
	private Long userId;

	private String name;

	private String fingerprint;

	@Column(name = "public_key")
	private String publicKey;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	protected SshKey() {
	}

	SshKey(Long userId, String name, String fingerprint, String publicKey) {
		this.userId = userId;
		this.name = name;
		this.fingerprint = fingerprint;
		this.publicKey = publicKey;
		this.createdAt = Instant.now();
	}

	/** Records a use, at most once a minute, so busy pushers do not write on every connection. */
	void markUsed(Instant now) {
		if (lastUsedAt == null || lastUsedAt.plus(LAST_USED_PRECISION).isBefore(now)) {
			lastUsedAt = now;
		}
	}

	Long userId() {
		return userId;
	}

	SshKeySummary summary() {
		return new SshKeySummary(id, name, fingerprint, publicKey, createdAt, lastUsedAt);
	}

}
