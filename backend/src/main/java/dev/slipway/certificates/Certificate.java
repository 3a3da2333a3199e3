package dev.slipway.certificates;

import java.time.Duration;
import java.time.Instant;

import dev.slipway.router.TlsCertificate;
import dev.slipway.secrets.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The certificate of one hostname the router serves: the one it serves now (if any), where getting
 * the next one stands, and when to try next. A certificate the CA issued is renewed at two thirds of
 * its life; a failed attempt is tried again after a back-off, while the one served (if any) stays.
 */
@Entity
@Table(name = "certificates")
public class Certificate {

	/** Far enough ahead to mean "not by itself": an uploaded certificate, or a name no CA certifies. */
	private static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** Null for Slipway's own hostname. */
	@Column(name = "app_id")
	private Long appId;

	private String hostname;

	@Enumerated(EnumType.STRING)
	private CertificateSource source;

	@Enumerated(EnumType.STRING)
	private CertificateStatus status;

	@Column(name = "chain_pem")
	private String chainPem;

	@Column(name = "private_key")
	@Convert(converter = EncryptedString.class)
	private String privateKey;

	@Column(name = "not_before")
	private Instant notBefore;

	@Column(name = "not_after")
	private Instant notAfter;

	private String problem;

	private int attempts;

	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Certificate() {
	}

	Certificate(Long appId, String hostname, Instant now) {
		this.appId = appId;
		this.hostname = hostname;
		this.source = CertificateSource.ACME;
		this.status = CertificateStatus.PENDING;
		this.nextAttemptAt = now;
		this.updatedAt = now;
	}

	public Long appId() {
		return appId;
	}

	public String hostname() {
		return hostname;
	}

	public CertificateSource source() {
		return source;
	}

	public CertificateStatus status() {
		return status;
	}

	/** Why the last attempt did not give a certificate, or why none is asked for; null when all is well. */
	public String problem() {
		return problem;
	}

	public Instant notAfter() {
		return notAfter;
	}

	public Instant nextAttemptAt() {
		return nextAttemptAt.equals(NEVER) ? null : nextAttemptAt;
	}

	/** What the router serves for the hostname, while it is valid. */
	TlsCertificate served(Instant now) {
		return chainPem != null && notAfter.isAfter(now) ? new TlsCertificate(chainPem, privateKey) : null;
	}

	boolean due(Instant now) {
		return source == CertificateSource.ACME && !nextAttemptAt.isAfter(now);
	}

	Instant nextAttempt() {
		return nextAttemptAt;
	}

	/** The CA issued it: served from now on, renewed at two thirds of its life. */
	void issued(String chain, String key, Instant from, Instant until, Instant now) {
		replace(CertificateSource.ACME, chain, key, from, until,
				from.plus(Duration.between(from, until).multipliedBy(2).dividedBy(3)), now);
	}

	/** Not asked for yet: the hostname does not reach the router, so the CA could not check it either. */
	void waiting(String reason, Duration backOff, Instant now) {
		attemptFailed(reason, now.plus(backOff), now);
		if (chainPem == null) {
			status = CertificateStatus.PENDING;
		}
	}

	/** The CA refused; what it said is kept, and the certificate served (if any) stays until it expires. */
	void failed(String reason, Instant retryAt, Instant now) {
		attemptFailed(reason, retryAt, now);
		if (chainPem == null) {
			status = CertificateStatus.FAILED;
		}
	}

	/** No certificate will be asked for, and why (a name no public CA certifies, or ACME turned off). */
	void notRequested(String reason, Instant now) {
		if (source == CertificateSource.ACME && chainPem == null) {
			this.problem = reason;
			this.status = CertificateStatus.PENDING;
			this.nextAttemptAt = NEVER;
			this.updatedAt = now;
		}
	}

	/** Asks for a certificate now: its name became eligible again (ACME turned on, say). */
	void retryNow(Instant now) {
		if (source == CertificateSource.ACME && nextAttemptAt.equals(NEVER)) {
			this.nextAttemptAt = now;
			this.problem = null;
			this.updatedAt = now;
		}
	}

	/** The owner's own certificate replaces the CA's: served as is, never renewed by Slipway. */
	void uploaded(String chain, String key, Instant from, Instant until, Instant now) {
		replace(CertificateSource.UPLOADED, chain, key, from, until, NEVER, now);
	}

	/** The owner removed the uploaded certificate: the CA is asked for one at once. */
	void backToAcme(Instant now) {
		replace(CertificateSource.ACME, null, null, null, null, now, now);
	}

	/** A new certificate (none: null chain) from a source, with no problem and no failed attempt yet. */
	private void replace(CertificateSource from, String chain, String key, Instant validFrom, Instant validUntil,
			Instant next, Instant now) {
		this.source = from;
		this.chainPem = chain;
		this.privateKey = key;
		this.notBefore = validFrom;
		this.notAfter = validUntil;
		this.status = chain == null ? CertificateStatus.PENDING : CertificateStatus.ISSUED;
		this.problem = null;
		this.attempts = 0;
		this.nextAttemptAt = next;
		this.updatedAt = now;
	}

	int attempts() {
		return attempts;
	}

	private void attemptFailed(String reason, Instant retryAt, Instant now) {
		this.problem = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
		this.attempts++;
		this.nextAttemptAt = retryAt;
		this.updatedAt = now;
	}

}
