package dev.slipway.addons;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.slipway.secrets.EncryptedString;

/** A Postgres add-on: a database and a role of its own on Slipway's add-on server, attached as a config var. */
@Entity
@Table(name = "addons")
public class Addon {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "app_id")
	private long appId;

	private String name;

	private String plan;

	@Column(name = "config_var")
	private String configVar;

	@Column(name = "database_name")
	private String databaseName;

	@Column(name = "role_name")
	private String roleName;

	@Convert(converter = EncryptedString.class)
	private String password;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Addon() {
	}

	Addon(long appId, String name, String plan, String configVar, String databaseName, String roleName,
			String password) {
		this.appId = appId;
		this.name = name;
		this.plan = plan;
		this.configVar = configVar;
		this.databaseName = databaseName;
		this.roleName = roleName;
		this.password = password;
		this.createdAt = Instant.now();
	}

	public long appId() {
		return appId;
	}

	/** The attachment name: DATABASE for the first, then the name given. */
	public String name() {
		return name;
	}

	public String plan() {
		return plan;
	}

	/** The config var the app finds it in, such as DATABASE_URL. */
	public String configVar() {
		return configVar;
	}

	public String databaseName() {
		return databaseName;
	}

	public String roleName() {
		return roleName;
	}

	String password() {
		return password;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
