package dev.slipway.database;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a PostgreSQL database is and how to log in, read from and written as Heroku's
 * {@code postgres://user:password@host:port/db} or JDBC's {@code jdbc:postgresql://host:port/db?user=…&password=…}.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password) {

	public static DatabaseUrl parse(String url) {
		String uri = url.strip();
		if (uri.startsWith("jdbc:")) {
			uri = uri.substring("jdbc:".length());
		}
		URI parsed;
		try {
			parsed = URI.create(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a PostgreSQL URL: " + redact(url));
		}
		if (!"postgres".equals(parsed.getScheme()) && !"postgresql".equals(parsed.getScheme())) {
			throw new IllegalArgumentException(
					"Not a PostgreSQL URL (expected postgres://user:password@host:port/db): " + redact(url));
		}
		Map<String, String> query = query(parsed.getRawQuery());
		String username = query.get("user");
		String password = query.get("password");
		if (parsed.getRawUserInfo() != null) {
			String[] userInfo = parsed.getRawUserInfo().split(":", 2);
			username = decode(userInfo[0]);
			password = userInfo.length > 1 ? decode(userInfo[1]) : null;
		}
		String database = parsed.getPath() == null || parsed.getPath().length() <= 1 ? "postgres"
				: parsed.getPath().substring(1);
		return new DatabaseUrl(parsed.getHost(), parsed.getPort() > 0 ? parsed.getPort() : 5432, database, username,
				password);
	}

	/** The JDBC URL without credentials, for a DataSource that takes them separately. */
	public String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	/** Heroku's {@code DATABASE_URL} form. */
	public String toUri() {
		return "postgres://" + encode(username) + ":" + encode(password) + "@" + host + ":" + port + "/" + database;
	}

	/** Heroku's {@code JDBC_DATABASE_URL} form, credentials as query parameters. */
	public String toJdbcUriWithCredentials() {
		return jdbcUrl() + "?user=" + encode(username) + "&password=" + encode(password);
	}

	@Override
	public String toString() {
		return "postgres://" + username + ":****@" + host + ":" + port + "/" + database;
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> values = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				String[] keyValue = pair.split("=", 2);
				values.put(decode(keyValue[0]), keyValue.length > 1 ? decode(keyValue[1]) : "");
			}
		}
		return values;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String encode(String value) {
		return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String redact(String url) {
		return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1****@");
	}

}
