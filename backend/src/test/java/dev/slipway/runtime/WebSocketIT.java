package dev.slipway.runtime;

import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import dev.slipway.test.WebSocketClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The router passes a WebSocket upgrade through to the app: a message comes back from the echo sample. */
class WebSocketIT {

	@Test
	void aWebSocketMessageComesBackThroughTheRouter() {
		SlipwayUnderTest slipway = SlipwayUnderTest.shared();
		String app = slipway.createApp("websocket");
		GitProject.Push push = GitProject.sample("websocket").push(slipway, app, slipway.adminToken());
		assertThat(push.succeeded()).as(push.toString()).isTrue();

		assertThat(RouterClient.get(app).body()).isEqualTo("websocket echo\n");
		assertThat(WebSocketClient.echo(app + ".localhost", RouterClient.PORT, "/echo", "hello through the router ✓"))
			.isEqualTo("hello through the router ✓");
	}

}
