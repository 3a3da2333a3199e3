package dev.slipway.releases.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slipway.secrets.SecretBox;
import dev.slipway.test.ControlPlane;
import dev.slipway.test.Http;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apps list summarises every app in a few queries for them all: each app still gets its own
 * state and current release. Releases and builds are written straight into the tables (no image is
 * built; nothing runs, so a released app is idle).
 */
class AppSummariesIT {

	private static final Pattern ROW = Pattern.compile("<tr data-app=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);

	private final SlipwayUnderTest slipway = SlipwayUnderTest.shared();

	private final JdbcTemplate jdbc = slipway.bean(JdbcTemplate.class);

	private final List<String> apps = List.of(slipway.createApp("sum-none"), slipway.createApp("sum-released"),
			slipway.createApp("sum-pending"), slipway.createApp("sum-building"), slipway.createApp("sum-failed"));

	@AfterEach
	void deleteApps() {
		apps.forEach(app -> slipway.adminApi().delete("/api/apps/" + app));
	}

	@Test
	void eachAppShowsItsOwnStateAndCurrentRelease() {
		release(apps.get(1), 1, "SUCCEEDED");
		release(apps.get(1), 2, "SUCCEEDED");
		release(apps.get(2), 1, "SUCCEEDED");
		release(apps.get(2), 2, "PENDING");
		release(apps.get(3), 1, "SUCCEEDED");
		jdbc.update("insert into builds (app_id, status, commit_sha, created_by) "
				+ "select id, 'SUCCEEDED', 'aaaaaaa', ? from apps where name = ?", ControlPlane.ADMIN_EMAIL, apps.get(3));
		jdbc.update("insert into builds (app_id, status, commit_sha, created_by) "
				+ "select id, 'BUILDING', 'bbbbbbb', ? from apps where name = ?", ControlPlane.ADMIN_EMAIL, apps.get(3));
		release(apps.get(4), 1, "SUCCEEDED");
		release(apps.get(4), 2, "FAILED");

		Http.Response list = slipway.browserSession().get("/apps");

		assertThat(row(list, apps.get(0))).contains("no release").doesNotContain("v1");
		assertThat(row(list, apps.get(1))).contains("idle", "v2");
		assertThat(row(list, apps.get(2))).contains("deploying", "v1").doesNotContain("v2");
		assertThat(row(list, apps.get(3))).contains("deploying", "v1");
		assertThat(row(list, apps.get(4))).contains("idle", "v1").doesNotContain("v2");
	}

	private void release(String app, int version, String status) {
		jdbc.update("insert into releases (app_id, version, status, image_id, image_tag, process_types, config, "
				+ "description, author) select id, ?, ?, 'sha256:none', 'none:' || ?, '{}', ?, 'seeded', ? "
				+ "from apps where name = ?", version, status, version, slipway.bean(SecretBox.class).encrypt("{}"),
				ControlPlane.ADMIN_EMAIL, app);
	}

	private static String row(Http.Response list, String app) {
		Matcher row = ROW.matcher(list.body());
		while (row.find()) {
			if (row.group(1).equals(app)) {
				return row.group(2);
			}
		}
		throw new AssertionError(app + " is not in the apps list: " + list.body());
	}

}
