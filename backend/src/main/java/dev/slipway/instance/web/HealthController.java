package dev.slipway.instance.web;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /healthz}: up when the control plane can reach its database. Needs no login. */
@RestController
class HealthController {

	private final DataSource dataSource;

	HealthController(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@GetMapping("/healthz")
	ResponseEntity<Map<String, String>> health() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(2) ? ResponseEntity.ok(Map.of("status", "ok"))
					: ResponseEntity.status(503).body(Map.of("status", "database unreachable"));
		}
		catch (Exception ex) {
			return ResponseEntity.status(503).body(Map.of("status", "database unreachable"));
		}
	}

}
