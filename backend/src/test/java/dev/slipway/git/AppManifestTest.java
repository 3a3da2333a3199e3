package dev.slipway.git;

import dev.slipway.builds.BuildFailed;
import dev.slipway.runtime.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppManifestTest {

	@Test
	void readsHerokusAppJson() {
		AppManifest manifest = AppManifest.parse("""
				{
				  "name": "shop",
				  "env": {
				    "LANG": "en_US.UTF-8",
				    "SECRET_KEY": {"description": "Signs cookies", "generator": "secret"},
				    "API_KEY": {"description": "Partner key", "required": true},
				    "OPTIONAL": {"required": false}
				  },
				  "addons": ["heroku-postgresql", {"plan": "heroku-postgresql:essential-0", "as": "ANALYTICS"}],
				  "formation": {"web": {"quantity": 2}, "worker": {"quantity": 1, "size": "standard-1x"}},
				  "scripts": {"postdeploy": "rake db:seed"},
				  "healthchecks": {"web": [{"type": "startup", "path": "/health", "status": 204}]}
				}
				""");
		assertThat(manifest.env().get("LANG").initialValue()).contains("en_US.UTF-8");
		assertThat(manifest.env().get("SECRET_KEY").initialValue()).hasValueSatisfying(v -> assertThat(v).matches("[0-9a-f]{64}"));
		assertThat(manifest.env().get("API_KEY").initialValue()).isEmpty();
		assertThat(manifest.env().get("API_KEY").required()).isTrue();
		assertThat(manifest.env().get("OPTIONAL").required()).isFalse();
		assertThat(manifest.addons()).containsExactly(new AppManifest.AddonRequest("heroku-postgresql", null),
				new AppManifest.AddonRequest("heroku-postgresql:essential-0", "ANALYTICS"));
		assertThat(manifest.formation()).containsEntry("web", 2).containsEntry("worker", 1);
		assertThat(manifest.postdeploy()).isEqualTo("rake db:seed");
		assertThat(manifest.healthCheck()).isEqualTo(new HealthCheck("/health", 204));
	}

	@Test
	void anEmptyManifestAsksForNothing() {
		AppManifest manifest = AppManifest.parse("{\"name\": \"x\"}");
		assertThat(manifest.env()).isEmpty();
		assertThat(manifest.addons()).isEmpty();
		assertThat(manifest.healthCheck()).isNull();
		assertThat(manifest.postdeploy()).isNull();
	}

	@Test
	void saysWhatIsWrong() {
		assertThatThrownBy(() -> AppManifest.parse("{oops")).isInstanceOf(BuildFailed.class)
			.hasMessageStartingWith("app.json is not valid JSON");
		assertThatThrownBy(() -> AppManifest.parse("{\"formation\": {\"web\": {\"quantity\": \"many\"}}}"))
			.hasMessageContaining("formation.web.quantity");
		assertThatThrownBy(() -> AppManifest.parse("{\"healthchecks\": {\"web\": {\"path\": \"health\"}}}"))
			.hasMessageContaining("must start with /");
	}

	@Test
	void holdsItsFormationToTheLimitsOfTheApi() {
		assertThatThrownBy(() -> AppManifest.parse("{\"formation\": {\"worker\": {\"quantity\": 101}}}"))
			.isInstanceOf(BuildFailed.class)
			.hasMessage("app.json formation.worker: Quantities go from 0 to 100; 101 is out of range.");
		assertThatThrownBy(() -> AppManifest.parse("{\"formation\": {\"web\": {\"quantity\": -1}}}"))
			.hasMessageContaining("-1 is out of range");
		assertThatThrownBy(() -> AppManifest.parse("{\"formation\": {\"" + "w".repeat(63) + "\": {\"quantity\": 1}}}"))
			.isInstanceOf(BuildFailed.class)
			.hasMessageContaining("is 63 characters long; process types have at most 30.");
		assertThatThrownBy(() -> AppManifest.parse("{\"formation\": {\"web server\": {\"quantity\": 1}}}"))
			.hasMessageContaining("'web server' is not a process type name");
	}

}
