package demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sample Spring Boot app: its datasource comes from SPRING_DATASOURCE_*, which a Postgres add-on provides. */
@SpringBootApplication
@RestController
public class Application {

	private final JdbcTemplate jdbc;

	Application(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/")
	String hello() {
		return "boot java=" + System.getProperty("java.specification.version") + " database="
				+ jdbc.queryForObject("select current_database()", String.class) + "\n";
	}

	public static void main(String[] args) {
		SpringApplication.run(Application.class, args);
	}

}
