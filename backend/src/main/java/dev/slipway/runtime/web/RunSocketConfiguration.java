package dev.slipway.runtime.web;

import org.apache.tomcat.websocket.server.WsContextListener;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** The API's one WebSocket: {@code /api/apps/<app>/dynos/run}, an interactive one-off dyno. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RunSocketConfiguration implements WebSocketConfigurer {

	/** Bounds each message a client sends: typed or piped input, a resize, the end of input. */
	static final int MAX_MESSAGE_BYTES = 64 * 1024;

	private final RunSocketHandler handler;

	RunSocketConfiguration(RunSocketHandler handler) {
		this.handler = handler;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// Same origin only (Spring's default), so no other site's page can open a console with a user's session.
		registry.addHandler(handler, RunSocketHandler.PATH).addInterceptors(handler.handshake());
	}

	/** Tomcat's WebSocket support, which Spring's WebSocket handlers upgrade to. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatWebSockets() {
		return factory -> factory
			.addContextCustomizers(context -> context.addApplicationListener(WsContextListener.class.getName()));
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
		container.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
		container.setMaxSessionIdleTimeout(RunSocketHandler.IDLE_LIMIT.toMillis());
		return container;
	}

}
