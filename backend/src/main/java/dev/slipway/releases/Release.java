package dev.slipway.releases;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.slipway.runtime.HealthCheck;
import dev.slipway.secrets.EncryptedString;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * Release vN of an app: an image, a config snapshot and the process types, with what made it (a
 * deploy, a config change, an add-on, a rollback) and who.
 */
@Entity
@Table(name = "releases")
public class Release extends AbstractAggregateRoot<Release> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "app_id")
	private long appId;

	private int version;

	@Enumerated(EnumType.STRING)
	private ReleaseStatus status;

	@Column(name = "build_id")
	private Long buildId;

	@Column(name = "commit_sha")
	private String commitSha;

	private String buildpack;

	@Column(name = "image_id")
	private String imageId;

	@Column(name = "image_tag")
	private String imageTag;

	@Column(name = "process_types")
	private String processTypes;

	@Convert(converter = EncryptedString.class)
	private String config;

	@Column(name = "health_check")
	private String healthCheck;

	private String description;

	private String author;

	private String failure;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Release() {
	}

	Release(long appId, int version, ReleaseDraft draft) {
		this.appId = appId;
		this.version = version;
		this.status = ReleaseStatus.PENDING;
		this.buildId = draft.buildId();
		this.commitSha = draft.commitSha();
		this.buildpack = draft.buildpack();
		this.imageId = draft.imageId();
		this.imageTag = draft.imageTag();
		this.processTypes = JSON.writeValueAsString(draft.processTypes());
		this.config = JSON.writeValueAsString(draft.config());
		this.healthCheck = draft.healthCheck() == null ? null : JSON.writeValueAsString(draft.healthCheck());
		this.description = draft.description();
		this.author = draft.author();
		this.createdAt = Instant.now();
		registerEvent(new ReleaseChanged(appId));
	}

	void succeeded() {
		status = ReleaseStatus.SUCCEEDED;
		registerEvent(new ReleaseChanged(appId));
	}

	void failed(String reason) {
		status = ReleaseStatus.FAILED;
		failure = reason;
		registerEvent(new ReleaseChanged(appId));
	}

	public long id() {
		return id;
	}

	public long appId() {
		return appId;
	}

	public int version() {
		return version;
	}

	public ReleaseStatus status() {
		return status;
	}

	public Long buildId() {
		return buildId;
	}

	public String commitSha() {
		return commitSha;
	}

	public String buildpack() {
		return buildpack;
	}

	public String imageId() {
		return imageId;
	}

	public String imageTag() {
		return imageTag;
	}

	/** Process type to command; an empty command runs the image's own. */
	public Map<String, String> processTypes() {
		return JSON.readValue(processTypes, MAP);
	}

	/** The config vars this release runs with. */
	public Map<String, String> config() {
		return JSON.readValue(config, MAP);
	}

	/** The HTTP check its web dynos must pass, from app.json; null for a TCP check of $PORT. */
	public HealthCheck healthCheck() {
		return healthCheck == null ? null : JSON.readValue(healthCheck, HealthCheck.class);
	}

	public String description() {
		return description;
	}

	public String author() {
		return author;
	}

	public String failure() {
		return failure;
	}

	public Instant createdAt() {
		return createdAt;
	}

}
