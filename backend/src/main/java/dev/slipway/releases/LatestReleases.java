package dev.slipway.releases;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Where each app's releases stand, for lists of many apps: one SQL query with the ids as one array.
 * The same through JPA's {@code in} lists cost the apps list most of its query time: Hibernate
 * translates such a query again for every request and loads whole releases, decrypting their config.
 */
@Component
public class LatestReleases {

	private final JdbcTemplate jdbc;

	LatestReleases(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Each given app that has a release, by app id. */
	public Map<Long, LatestRelease> of(Collection<Long> appIds) {
		Map<Long, LatestRelease> latest = new HashMap<>();
		jdbc.query("select n.app_id, n.status, c.version, c.created_at from (select distinct on (app_id) app_id, status "
				+ "from releases where app_id = any (?) order by app_id, version desc) n left join lateral "
				+ "(select version, created_at from releases r where r.app_id = n.app_id and r.status = ? "
				+ "order by version desc limit 1) c on true", (RowCallbackHandler) rs -> {
					int version = rs.getInt(3);
					latest.put(rs.getLong(1),
							new LatestRelease(rs.wasNull() ? null : version,
									rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
									ReleaseStatus.PENDING.name().equals(rs.getString(2))));
				}, appIds.toArray(Long[]::new), ReleaseStatus.SUCCEEDED.name());
		return latest;
	}

	/**
	 * An app's current release (the newest that rolled out; null before one did) and whether its
	 * newest release is still rolling out.
	 */
	public record LatestRelease(Integer current, Instant currentCreatedAt, boolean rollingOut) {
	}

}
