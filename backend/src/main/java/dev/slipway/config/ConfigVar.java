package dev.slipway.config;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.slipway.secrets.EncryptedString;

/** One config var of an app; the value is kept byte for byte, encrypted at rest. */
@Entity
@Table(name = "config_vars")
class ConfigVar {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "app_id")
	private long appId;

	private String key;

	@Convert(converter = EncryptedString.class)
	private String value;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected ConfigVar() {
	}

	ConfigVar(long appId, String key, String value) {
		this.appId = appId;
		this.key = key;
		change(value);
	}

	void change(String newValue) {
		value = newValue;
		updatedAt = Instant.now();
	}

	String key() {
		return key;
	}

	String value() {
		return value;
	}

}
