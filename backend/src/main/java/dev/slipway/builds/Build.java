package dev.slipway.builds;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import dev.slipway.releases.BuiltImage;
import dev.slipway.runtime.ProcessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.domain.AbstractAggregateRoot;

/** One build of one pushed commit: its buildpack, status, timing, image and process types. */
@Entity
@Table(name = "builds")
public class Build extends AbstractAggregateRoot<Build> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "app_id")
	private long appId;

	@Enumerated(EnumType.STRING)
	private BuildStatus status;

	@Column(name = "commit_sha")
	private String commitSha;

	private String buildpack;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "started_at")
	private Instant startedAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	@Column(name = "image_id")
	private String imageId;

	@Column(name = "image_tag")
	private String imageTag;

	@Column(name = "process_types")
	private String processTypes;

	private String failure;

	@Column(name = "dependency_digest")
	private String dependencyDigest;

	@Column(name = "cache_seed")
	private String cacheSeed;

	@Column(name = "cache_image")
	private String cacheImage;

	protected Build() {
	}

	Build(long appId, String commitSha, String createdBy) {
		this.appId = appId;
		this.commitSha = commitSha;
		this.createdBy = createdBy;
		this.status = BuildStatus.PENDING;
		this.createdAt = Instant.now();
		registerEvent(new BuildChanged(appId));
	}

	void started() {
		status = BuildStatus.BUILDING;
		startedAt = Instant.now();
		registerEvent(new BuildChanged(appId));
	}

	void usesBuildpack(String buildpackId) {
		buildpack = buildpackId;
		registerEvent(new BuildChanged(appId));
	}

	void succeeded(String imageId, String imageTag, Procfile processes) {
		this.imageId = imageId;
		this.imageTag = imageTag;
		this.processTypes = processes.text();
		finish(BuildStatus.SUCCEEDED);
	}

	void failed(String reason, boolean cancelled) {
		failure = reason;
		finish(cancelled ? BuildStatus.CANCELLED : BuildStatus.FAILED);
	}

	/** The dependency manifests' digest and the cache image (if any) the install step starts from. */
	void seededFrom(String dependencyDigest, String cacheSeed) {
		this.dependencyDigest = dependencyDigest;
		this.cacheSeed = cacheSeed;
	}

	void savedCache(String cacheImage) {
		this.cacheImage = cacheImage;
	}

	String dependencyDigest() {
		return dependencyDigest;
	}

	String cacheSeed() {
		return cacheSeed;
	}

	String cacheImage() {
		return cacheImage;
	}

	void imageRemoved() {
		imageId = null;
	}

	private void finish(BuildStatus finalStatus) {
		status = finalStatus;
		finishedAt = Instant.now();
		registerEvent(new BuildChanged(appId));
	}

	public long id() {
		return id;
	}

	public long appId() {
		return appId;
	}

	public BuildStatus status() {
		return status;
	}

	public String commitSha() {
		return commitSha;
	}

	public String buildpack() {
		return buildpack;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant startedAt() {
		return startedAt;
	}

	public Instant finishedAt() {
		return finishedAt;
	}

	/** How long the build ran, or has been running. */
	public Duration duration() {
		if (startedAt == null) {
			return Duration.ZERO;
		}
		return Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now());
	}

	public String imageId() {
		return imageId;
	}

	public String imageTag() {
		return imageTag;
	}

	public Procfile processTypes() {
		return processTypes == null ? Procfile.of(Map.of()) : Procfile.stored(processTypes);
	}

	/**
	 * The command of each process type the build's image runs; an empty command runs the image's own.
	 * A Dockerfile build without a {@code web} entry runs its image's command as {@code web}.
	 */
	public Map<String, String> processCommands() {
		Map<String, String> commands = new TreeMap<>(processTypes().processTypes());
		if (Buildpack.DOCKERFILE.equals(buildpack)) {
			commands.putIfAbsent(ProcessType.WEB, "");
		}
		return commands;
	}

	/** What a release takes of this build. */
	public BuiltImage image() {
		return new BuiltImage(id, commitSha, buildpack, imageId, imageTag, processCommands());
	}

	public String failure() {
		return failure;
	}

}
