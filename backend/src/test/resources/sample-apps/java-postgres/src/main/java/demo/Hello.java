package demo;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import com.sun.net.httpserver.HttpServer;

/** Sample JVM app with a database: /db connects with JDBC_DATABASE_URL, as Heroku's Java apps do. */
public class Hello {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(System.getProperty("server.port", System.getenv("PORT")));
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/", exchange -> {
			String body;
			int status = 200;
			if (exchange.getRequestURI().getPath().equals("/db")) {
				try (Connection connection = DriverManager.getConnection(System.getenv("JDBC_DATABASE_URL"));
						Statement statement = connection.createStatement()) {
					statement.execute("CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY)");
					statement.execute("INSERT INTO visits DEFAULT VALUES");
					ResultSet count = statement.executeQuery("SELECT count(*) FROM visits");
					count.next();
					body = "jdbc visits=" + count.getInt(1) + " user=" + System.getenv("SPRING_DATASOURCE_USERNAME") + "\n";
				}
				catch (Exception ex) {
					status = 500;
					body = "database error: " + ex.getMessage() + "\n";
				}
			}
			else {
				body = "java-postgres dyno=" + System.getenv("DYNO") + "\n";
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
		System.out.println("listening on " + port);
	}

}
