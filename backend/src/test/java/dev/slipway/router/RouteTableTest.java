package dev.slipway.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

	private final RouterSettings settings = new RouterSettings(8000, "localhost", Duration.ofSeconds(5),
			Duration.ofSeconds(30), 100);

	@Test
	void anAddressTwoRoutesNameForAMomentIsInTheDynoMapOnce() {
		String config = RouteTable.render(1, settings,
				Map.of("old", Route.serving(List.of(new Upstream("172.18.0.5:5000", "web.1"))), "new",
						Route.serving(List.of(new Upstream("172.18.0.5:5000", "web.2")))),
				Map.of("old", List.of("old.localhost"), "new", List.of("new.localhost")));
		assertThat(config.lines().filter(line -> line.strip().startsWith("\"172.18.0.5:5000\""))).hasSize(1);
		assertThat(config).contains("server 172.18.0.5:5000;");
	}

}
