package dev.slipway.config;

import java.time.Instant;
import java.util.Collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit trail of config: who set or removed which keys, and when. Never the values. */
@Entity
@Table(name = "config_changes")
public class ConfigChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "app_id")
	private long appId;

	private String author;

	@Column(name = "set_keys")
	private String setKeys;

	@Column(name = "unset_keys")
	private String unsetKeys;

	@Column(name = "created_at")
	private Instant createdAt;

	protected ConfigChange() {
	}

	ConfigChange(long appId, String author, Collection<String> set, Collection<String> unset) {
		this.appId = appId;
		this.author = author;
		this.setKeys = String.join(",", set);
		this.unsetKeys = String.join(",", unset);
		this.createdAt = Instant.now();
	}

	public String author() {
		return author;
	}

	public String setKeys() {
		return setKeys;
	}

	public String unsetKeys() {
		return unsetKeys;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
