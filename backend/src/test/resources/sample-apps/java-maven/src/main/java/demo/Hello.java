package demo;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.apache.commons.lang3.StringUtils;

/** Sample Java app: answers with its dyno, using a dependency from Maven Central. */
public class Hello {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(System.getProperty("server.port", System.getenv("PORT")));
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/", exchange -> {
			byte[] body = ("java dyno=" + StringUtils.defaultString(System.getenv("DYNO")) + "\n")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		System.out.println("listening on " + port);
	}

}
