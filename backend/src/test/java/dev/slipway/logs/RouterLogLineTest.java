package dev.slipway.logs;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouterLogLineTest {

	@Test
	void writesNginxsEntryAsHerokuWritesRouterLines() {
		RouterLogLine line = RouterLogLine.parse("{\"app\":\"shop\",\"dyno\":\"web.1\",\"method\":\"GET\",\"path\":\"/cart?x=1\","
				+ "\"host\":\"shop.localhost\",\"request_id\":\"abc\",\"fwd\":\"10.0.0.1\",\"connect\":\"0.001\","
				+ "\"service\":\"0.018\",\"total\":\"0.019\",\"status\":\"200\",\"bytes\":\"975\",\"time\":\"1796615229.341\"}");
		assertThat(line.app()).isEqualTo("shop");
		assertThat(line.at()).isEqualTo(Instant.ofEpochMilli(1_796_615_229_341L));
		assertThat(line.dyno()).isEqualTo("web.1");
		assertThat(line.text()).isEqualTo("at=info method=GET path=\"/cart?x=1\" host=shop.localhost request_id=abc "
				+ "fwd=\"10.0.0.1\" dyno=web.1 connect=1ms service=18ms status=200 bytes=975");
	}

	@Test
	void namesTheErrorsOfRequestsNoDynoAnswered() {
		assertThat(RouterLogLine.parse("{\"app\":\"shop\",\"dyno\":\"\",\"status\":\"503\",\"connect\":\"-\",\"service\":\"-\","
				+ "\"total\":\"0.000\"}")
			.text()).startsWith("at=error code=H14 desc=\"No web processes running\"").contains("connect=0ms");
		assertThat(RouterLogLine.parse("{\"app\":\"shop\",\"dyno\":\"web.1\",\"status\":\"503\",\"service\":\"30.001\","
				+ "\"total\":\"30.002\"}")
			.text()).startsWith("at=error code=H12 desc=\"Request timeout\"");
	}

	@Test
	void ignoresWhatIsNotAnAppsRequest() {
		assertThat(RouterLogLine.parse("2026/11/22 10:00:00 [warn] something")).isNull();
		assertThat(RouterLogLine.parse("{\"app\":\"\",\"status\":\"404\"}")).isNull();
	}

}
