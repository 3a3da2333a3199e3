package dev.slipway.builds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The buildpack an app forces instead of detection. */
@Entity
@Table(name = "app_buildpacks")
class AppBuildpack {

	@Id
	@Column(name = "app_id")
	private Long appId;

	private String buildpack;

	protected AppBuildpack() {
	}

	AppBuildpack(long appId, String buildpack) {
		this.appId = appId;
		this.buildpack = buildpack;
	}

	String buildpack() {
		return buildpack;
	}

	void change(String buildpackId) {
		buildpack = buildpackId;
	}

}
