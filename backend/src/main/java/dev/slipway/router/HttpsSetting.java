package dev.slipway.router;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An app's HTTPS policy, where the owner changed it from the default. */
@Entity
@Table(name = "https_settings")
class HttpsSetting {

	@Id
	@Column(name = "app_id")
	private Long appId;

	private boolean redirect;

	private boolean hsts;

	protected HttpsSetting() {
	}

	HttpsSetting(long appId, HttpsPolicy policy) {
		this.appId = appId;
		change(policy);
	}

	long appId() {
		return appId;
	}

	HttpsPolicy policy() {
		return new HttpsPolicy(redirect, hsts);
	}

	void change(HttpsPolicy policy) {
		this.redirect = policy.redirect();
		this.hsts = policy.hsts();
	}

}
