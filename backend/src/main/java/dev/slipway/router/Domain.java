package dev.slipway.router;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A custom hostname an app answers to. */
@Entity
@Table(name = "domains")
public class Domain {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "app_id")
	private long appId;

	private String hostname;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Domain() {
	}

	Domain(long appId, String hostname) {
		this.appId = appId;
		this.hostname = hostname;
		this.createdAt = Instant.now();
	}

	public long appId() {
		return appId;
	}

	public String hostname() {
		return hostname;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
