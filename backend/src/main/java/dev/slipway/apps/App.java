package dev.slipway.apps;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "apps")
public class App {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "dynos_may_run_as_root")
	private boolean dynosMayRunAsRoot;

	protected App() {
	}

	App(String name, long ownerId) {
		this.name = name;
		this.ownerId = ownerId;
		this.createdAt = Instant.now();
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public long ownerId() {
		return ownerId;
	}

	public Instant createdAt() {
		return createdAt;
	}

	/** Whether the owner let dynos run as root when the image asks for it (no USER, or USER root). */
	public boolean dynosMayRunAsRoot() {
		return dynosMayRunAsRoot;
	}

	void allowRootDynos(boolean allowed) {
		this.dynosMayRunAsRoot = allowed;
	}

}
