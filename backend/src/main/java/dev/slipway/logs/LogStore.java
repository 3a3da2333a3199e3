package dev.slipway.logs;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Log lines in PostgreSQL: written with COPY in batches together with the containers' cursors and
 * the router's access log position (one transaction, so what is stored and how far each feed was
 * read never disagree), and read back by sequence number with filters.
 * <p>
 * A batch commits asynchronously ({@code synchronous_commit} off for its transaction only): the
 * writer does not wait for the WAL flush, which on a busy disk cost more than the COPY. A crash of
 * PostgreSQL itself (or of the host) may take back the last fraction of a second of committed
 * batches; their cursors go back with them, so a Slipway restarted after it reads those lines from
 * Docker (or the router's access log) again. A crash of Slipway alone loses nothing.
 */
@Component
class LogStore {

	/** The cursor row of the router's access log, whose {@code last_at} holds its byte position. */
	static final String ROUTER_LOG_CURSOR = "router-access-log";

	private static final RowMapper<LogLine> LINE = (rs, row) -> new LogLine(rs.getLong("seq"),
			rs.getTimestamp("at").toInstant(), LogSource.valueOf(rs.getString("source")), rs.getString("process"),
			rs.getString("text"));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	LogStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	void write(List<PendingLine> lines, Map<String, ContainerCursor> cursors) {
		StringBuilder copy = new StringBuilder(lines.size() * 80);
		CopyTime time = new CopyTime();
		for (PendingLine pending : lines) {
			LogLine line = pending.line();
			copy.append(pending.appId()).append('\t').append(line.seq()).append('\t');
			time.append(line.at(), copy);
			copy.append('\t')
				.append(line.source().name())
				.append('\t');
			escape(line.process(), copy);
			copy.append('\t');
			escape(line.text(), copy);
			copy.append('\n');
		}
		List<Object[]> cursorRows = new ArrayList<>();
		cursors.forEach((container, cursor) -> cursorRows
			.add(new Object[] { container, cursor.stored(), cursor.linesAtLast() }));
		lines.stream()
			.map(PendingLine::routerLogEnd)
			.filter(Objects::nonNull)
			.max(Long::compare)
			.ifPresent(end -> cursorRows.add(new Object[] { ROUTER_LOG_CURSOR, String.valueOf(end), 0 }));
		transactions.executeWithoutResult(status -> {
			jdbc.execute("set local synchronous_commit to off");
			jdbc.execute((ConnectionCallback<Long>) connection -> {
				try {
					return connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("COPY log_lines (app_id, seq, at, source, process, text) FROM STDIN",
								new StringReader(copy.toString()));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			if (!cursorRows.isEmpty()) {
				jdbc.batchUpdate("insert into log_cursors (container_id, last_at, lines_at_last, updated_at) "
						+ "values (?, ?, ?, now()) on conflict (container_id) do update "
						+ "set last_at = excluded.last_at, lines_at_last = excluded.lines_at_last, updated_at = now()",
						cursorRows);
			}
		});
	}

	long maxSeq(long appId) {
		Long max = jdbc.queryForObject("select max(seq) from log_lines where app_id = ?", Long.class, appId);
		return max == null ? 0 : max;
	}

	/** The oldest line's sequence number, 0 when none is stored. */
	long minSeq(long appId) {
		Long min = jdbc.queryForObject("select min(seq) from log_lines where app_id = ?", Long.class, appId);
		return min == null ? 0 : min;
	}

	/** The last {@code limit} matching lines, oldest first. */
	List<LogLine> recent(long appId, LogFilter filter, int limit) {
		Query query = query(appId, filter);
		List<LogLine> lines = new ArrayList<>(jdbc.query("select * from log_lines where " + query.where
				+ " order by seq desc limit " + limit, LINE, query.args.toArray()));
		Collections.reverse(lines);
		return lines;
	}

	/** Matching lines after {@code seq}, oldest first. */
	List<LogLine> after(long appId, LogFilter filter, long seq, int limit) {
		Query query = query(appId, filter);
		query.args.add(seq);
		return jdbc.query("select * from log_lines where " + query.where + " and seq > ? order by seq limit " + limit,
				LINE, query.args.toArray());
	}

	/** Which of these apps still exist. */
	List<Long> existingApps(List<Long> appIds) {
		return jdbc.queryForList("select id from apps where id = any (?)", Long.class,
				(Object) appIds.toArray(Long[]::new));
	}

	/** Every container's cursor, by container id (not the router's access log position). */
	Map<String, ContainerCursor> cursors() {
		Map<String, ContainerCursor> cursors = new HashMap<>();
		jdbc.query("select container_id, last_at, lines_at_last from log_cursors where container_id <> ?",
				(RowCallbackHandler) rs -> cursors.put(rs.getString(1), ContainerCursor.parse(rs.getString(2), rs.getInt(3))),
				ROUTER_LOG_CURSOR);
		return cursors;
	}

	/** How far the router's access log is stored. */
	Optional<Long> routerLogPosition() {
		return jdbc.query("select last_at from log_cursors where container_id = ?",
				(rs, row) -> Long.parseLong(rs.getString(1)), ROUTER_LOG_CURSOR).stream().findFirst();
	}

	int deleteOlderThan(Instant cutoff) {
		return jdbc.update("delete from log_lines where at < ?", Timestamp.from(cutoff));
	}

	int keepLast(long appId, long lines) {
		return jdbc.update("delete from log_lines where app_id = ? and seq <= (select max(seq) from log_lines where app_id = ?) - ?",
				appId, appId, lines);
	}

	/**
	 * Apps whose lines span more than {@code lines} numbers, as {@link #keepLast} counts them: two
	 * index look-ups per app, where counting every app's lines read the whole table each time.
	 */
	List<Long> appsWithMoreThan(long lines) {
		return jdbc.queryForList("select id from apps a where (select max(seq) from log_lines where app_id = a.id) "
				+ "- (select min(seq) from log_lines where app_id = a.id) >= ?", Long.class, lines);
	}

	/** Forgets the cursors of containers that are gone; the access log's stays, however long it was idle. */
	void forgetCursorsNotIn(List<String> containerIds) {
		List<String> kept = new ArrayList<>(containerIds);
		kept.add(ROUTER_LOG_CURSOR);
		jdbc.update("delete from log_cursors where updated_at < now() - interval '1 day' and container_id <> all (?)",
				(Object) kept.toArray(String[]::new));
	}

	private record Query(String where, List<Object> args) {
	}

	private static Query query(long appId, LogFilter filter) {
		StringBuilder where = new StringBuilder("app_id = ?");
		List<Object> args = new ArrayList<>(List.of(appId));
		if (filter.source() != null) {
			where.append(" and source = ?");
			args.add(filter.source().name());
		}
		if (filter.processType() != null) {
			where.append(" and (process = ? or process like ?)");
			args.add(filter.processType());
			args.add(filter.processType().replace("%", "\\%").replace("_", "\\_") + ".%");
		}
		if (filter.dyno() != null) {
			where.append(" and process = ?");
			args.add(filter.dyno());
		}
		if (filter.query() != null) {
			where.append(" and text ilike ?");
			args.add("%" + filter.query().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new Query(where.toString(), args);
	}

	/**
	 * Writes times as COPY reads a timestamptz, {@code 2026-11-22 10:00:00.123456+00}, the date and
	 * time of day formatted once per second: a flood's lines share their seconds, and a formatter
	 * per line cost more than the rest of the line.
	 */
	private static final class CopyTime {

		private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneOffset.UTC);

		private long second = Long.MIN_VALUE;

		private String formatted;

		void append(Instant at, StringBuilder out) {
			if (at.getEpochSecond() != second) {
				second = at.getEpochSecond();
				formatted = SECOND.format(at);
			}
			String micros = Integer.toString(at.getNano() / 1000);
			out.append(formatted).append('.');
			for (int i = micros.length(); i < 6; i++) {
				out.append('0');
			}
			out.append(micros).append("+00");
		}

	}

	/** COPY's text format: backslash, tab, newline and carriage return escaped. */
	private static void escape(String value, StringBuilder out) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

}
