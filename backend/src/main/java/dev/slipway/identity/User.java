package dev.slipway.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	private boolean admin;

	@Column(name = "created_at")
	private Instant createdAt;

	protected User() {
	}

	User(String email, String passwordHash, boolean admin) {
		this.email = email;
		this.passwordHash = passwordHash;
		this.admin = admin;
		this.createdAt = Instant.now();
	}

	Long id() {
		return id;
	}

	String email() {
		return email;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean admin() {
		return admin;
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	UserPrincipal principal() {
		return new UserPrincipal(id, email, admin, passwordHash);
	}

}
