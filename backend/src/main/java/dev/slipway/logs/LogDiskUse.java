package dev.slipway.logs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;
import dev.slipway.disk.DiskUseSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many log lines each app has stored, for the admin's disk view: their bytes would cost a full read. */
@Component
class LogDiskUse implements DiskUseSource {

	private final JdbcTemplate jdbc;

	LogDiskUse(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String label() {
		return "Log lines";
	}

	@Override
	public boolean bytes() {
		return false;
	}

	@Override
	public Map<Long, Long> byApp(List<App> apps) {
		Map<Long, Long> lines = new HashMap<>();
		jdbc.query("select app_id, count(*) from log_lines group by app_id",
				rs -> {
					lines.put(rs.getLong(1), rs.getLong(2));
				});
		return lines;
	}

}
