package dev.slipway.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.slipway.secrets.EncryptedString;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What runs for an app: the last release rolled out, kept so scaling and restarts can start more of it. */
@Entity
@Table(name = "deployments")
class Deployment {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	@Id
	@Column(name = "app_id")
	private Long appId;

	@Column(name = "release_version")
	private int releaseVersion;

	private String image;

	@Column(name = "process_types")
	private String processTypes;

	@Convert(converter = EncryptedString.class)
	private String env;

	@Column(name = "boot_timeout_s")
	private int bootTimeoutSeconds;

	@Column(name = "health_check")
	private String healthCheck;

	@Column(name = "memory_defaults")
	private String memoryDefaults;

	@Column(name = "built_by_buildpack")
	private boolean builtByBuildpack;

	@Column(name = "deployed_at")
	private Instant deployedAt;

	protected Deployment() {
	}

	Deployment(DeploySpec spec) {
		this.appId = spec.appId();
		update(spec);
	}

	void update(DeploySpec spec) {
		releaseVersion = spec.version();
		image = spec.image();
		processTypes = JSON.writeValueAsString(spec.processTypes());
		env = JSON.writeValueAsString(spec.env());
		bootTimeoutSeconds = (int) spec.bootTimeout().toSeconds();
		healthCheck = spec.healthCheck() == null ? null : JSON.writeValueAsString(spec.healthCheck());
		memoryDefaults = spec.memoryDefaults() == null ? null : spec.memoryDefaults().name();
		builtByBuildpack = spec.builtByBuildpack();
		deployedAt = Instant.now();
	}

	DeploySpec spec(String appName) {
		return new DeploySpec(appId, appName, releaseVersion, image, JSON.readValue(processTypes, MAP),
				JSON.readValue(env, MAP), Duration.ofSeconds(bootTimeoutSeconds),
				healthCheck == null ? null : JSON.readValue(healthCheck, HealthCheck.class),
				memoryDefaults == null ? null : MemoryDefaults.valueOf(memoryDefaults), builtByBuildpack, Map.of());
	}

	boolean runs(String processType) {
		return JSON.readValue(processTypes, MAP).containsKey(processType);
	}

	int releaseVersion() {
		return releaseVersion;
	}

}
