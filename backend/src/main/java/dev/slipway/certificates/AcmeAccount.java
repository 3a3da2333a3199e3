package dev.slipway.certificates;

import dev.slipway.secrets.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Slipway's account at one ACME CA: where the CA keeps it, and the key pair that signs its requests. */
@Entity
@Table(name = "acme_accounts")
class AcmeAccount {

	@Id
	@Column(name = "directory_url")
	private String directoryUrl;

	private String location;

	@Column(name = "key_pair")
	@Convert(converter = EncryptedString.class)
	private String keyPair;

	protected AcmeAccount() {
	}

	AcmeAccount(String directoryUrl, String location, String keyPair) {
		this.directoryUrl = directoryUrl;
		this.location = location;
		this.keyPair = keyPair;
	}

	String location() {
		return location;
	}

	String keyPair() {
		return keyPair;
	}

}
