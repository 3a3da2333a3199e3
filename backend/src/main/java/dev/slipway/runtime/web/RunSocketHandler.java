package dev.slipway.runtime.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.Problems;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.StreamGuard;
import dev.slipway.identity.UserPrincipal;
import dev.slipway.runtime.DeployFailed;
import dev.slipway.runtime.DynoRuntime;
import dev.slipway.runtime.InteractiveDyno;
import dev.slipway.runtime.InteractiveOutput;
import dev.slipway.runtime.TerminalSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * {@code GET /api/apps/<app>/dynos/run?command=bash&tty=true&columns=80&rows=24&term=xterm}, upgraded to a
 * WebSocket: a one-off dyno attached to the client, as {@code heroku run} is. The client sends its
 * input as binary messages and, as text, {@code {"type":"resize","columns":…,"rows":…}} and
 * {@code {"type":"eof"}} (its input ended). Slipway sends {@code {"type":"started","dyno":"run.N"}}, then
 * the output as binary messages whose first byte is 1 (stdout) or 2 (stderr, only without a TTY), then
 * {@code {"type":"exit","status":N}} or {@code {"type":"error","message":…}}, and closes. Errors
 * before the dyno starts are problem documents, as everywhere in the API.
 */
@Component
class RunSocketHandler extends AbstractWebSocketHandler {

	static final String PATH = "/api/apps/*/dynos/run";

	private static final Pattern APP_IN_PATH = Pattern.compile("^/api/apps/([^/]+)/dynos/run$");

	/** As long as an attached {@code POST /api/apps/<app>/dynos} may run. */
	static final Duration SESSION_LIMIT = DynosApiController.ATTACHED_LIMIT;

	/** A console nobody types in nor reads from for this long is closed, and its dyno stopped. */
	static final Duration IDLE_LIMIT = Duration.ofMinutes(30);

	static final int MAX_COMMAND_LENGTH = 4096;

	private static final Pattern TERM = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

	private static final byte STDOUT = 1;

	private static final byte STDERR = 2;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AppService apps;

	private final DynoRuntime runtime;

	private final StreamGuard guard;

	private final Set<Console> open = ConcurrentHashMap.newKeySet();

	RunSocketHandler(AppService apps, DynoRuntime runtime, StreamGuard guard) {
		this.apps = apps;
		this.runtime = runtime;
		this.guard = guard;
	}

	/** What the client asked for, checked before the upgrade so a mistake is a problem document. */
	private record RunRequest(App app, String command, TerminalSize terminal, String term) {
	}

	HandshakeInterceptor handshake() {
		return new HandshakeInterceptor() {
			@Override
			public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
					WebSocketHandler handler, Map<String, Object> attributes) throws IOException {
				HttpServletRequest http = ((ServletServerHttpRequest) request).getServletRequest();
				HttpServletResponse answer = ((ServletServerHttpResponse) response).getServletResponse();
				try {
					Console console = new Console(runRequest(http));
					attributes.put(Console.class.getName(), console);
					http.setAttribute(Console.class.getName(), console);
					return true;
				}
				catch (SlipwayException ex) {
					Problems.write(answer, ex.kind().status(), ex.code(), ex.getMessage());
					return false;
				}
			}

			/** Guards the console with the request's credentials once it is upgraded, while they can be read. */
			@Override
			public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
					Exception exception) {
				HttpServletRequest http = ((ServletServerHttpRequest) request).getServletRequest();
				HttpServletResponse answer = ((ServletServerHttpResponse) response).getServletResponse();
				if (exception == null && answer.getStatus() == HttpServletResponse.SC_SWITCHING_PROTOCOLS
						&& http.getAttribute(Console.class.getName()) instanceof Console console) {
					console.unguard = guard.guard(http, console::credentialsEnded);
				}
			}
		};
	}

	private RunRequest runRequest(HttpServletRequest http) {
		var path = APP_IN_PATH.matcher(http.getRequestURI());
		if (!path.matches() || !(http.getUserPrincipal() instanceof Authentication authentication)
				|| !(authentication.getPrincipal() instanceof UserPrincipal user)) {
			throw SlipwayException.notFound("not_found", "No such endpoint: " + http.getRequestURI());
		}
		App app = apps.require(path.group(1), user);
		String command = http.getParameter("command");
		if (command == null || command.isBlank() || command.length() > MAX_COMMAND_LENGTH) {
			throw SlipwayException.invalid("invalid_command",
					"Give a command to run (?command=bash), of at most " + MAX_COMMAND_LENGTH + " characters.");
		}
		TerminalSize terminal = null;
		String term = null;
		if (Boolean.parseBoolean(http.getParameter("tty"))) {
			terminal = new TerminalSize(number(http, "columns"), number(http, "rows"));
			term = http.getParameter("term") == null ? "xterm" : http.getParameter("term");
			if (!TERM.matcher(term).matches()) {
				throw SlipwayException.invalid("invalid_term", "term names a terminal type, such as xterm-256color.");
			}
		}
		runtime.requireDeployed(app);
		return new RunRequest(app, command, terminal, term);
	}

	private static int number(HttpServletRequest http, String name) {
		try {
			return Integer.parseInt(http.getParameter(name));
		}
		catch (NumberFormatException ex) {
			throw SlipwayException.invalid("invalid_terminal_size",
					"With tty=true, give the terminal's size: columns=80&rows=24, for instance.");
		}
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws IOException {
		Console console = console(session);
		RunRequest request = console.request;
		console.session = session;
		open.add(console);
		try {
			console.dyno = runtime.runInteractive(request.app(), request.command(), request.terminal(), request.term(),
					console);
			console.send(new TextMessage(JSON.writeValueAsString(Map.of("type", "started", "dyno", console.dyno.dyno()))));
			console.started.complete(null);
		}
		catch (SlipwayException | DeployFailed ex) {
			console.started.completeExceptionally(ex);
			console.fail(ex.getMessage());
		}
		catch (RuntimeException ex) {
			console.started.completeExceptionally(ex);
			console.fail("The dyno could not start: " + ex.getMessage());
			throw ex;
		}
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
		InteractiveDyno dyno = console(session).dyno;
		if (dyno != null) {
			dyno.write(message.getPayload());
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		InteractiveDyno dyno = console(session).dyno;
		if (dyno == null) {
			return;
		}
		JsonNode control;
		try {
			control = JSON.readTree(message.getPayload());
		}
		catch (JacksonException ex) {
			session.close(CloseStatus.BAD_DATA.withReason("Text messages are JSON: {\"type\":\"resize\",…}."));
			return;
		}
		switch (control.path("type").asString("")) {
			case "eof" -> dyno.closeInput();
			case "resize" -> {
				try {
					dyno.resize(new TerminalSize(control.path("columns").asInt(0), control.path("rows").asInt(0)));
				}
				catch (SlipwayException ex) {
					session.close(CloseStatus.BAD_DATA.withReason(ex.getMessage()));
				}
			}
			default -> session.close(CloseStatus.BAD_DATA.withReason("Unknown message; send \"resize\" or \"eof\"."));
		}
	}

	private static Console console(WebSocketSession session) {
		return (Console) session.getAttributes().get(Console.class.getName());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Console console = console(session);
		if (console != null) {
			open.remove(console);
			console.closed();
		}
	}

	/** Ends consoles past {@link #SESSION_LIMIT}, saying so; their dynos stop as they close. */
	@Scheduled(fixedDelay = 60_000)
	void endOverdue() {
		Instant limit = Instant.now().minus(SESSION_LIMIT);
		for (Console console : open) {
			if (console.opened.isBefore(limit)) {
				console.fail("The command did not finish within " + SESSION_LIMIT.toMinutes() + " min and was stopped.");
			}
		}
	}

	/** One client's session and its dyno: what goes to the client is sent one message at a time. */
	private static final class Console implements InteractiveOutput {

		private final RunRequest request;

		private final Instant opened = Instant.now();

		private volatile WebSocketSession session;

		/** Output waits for the start message, which is sent once the dyno is known. */
		private final CompletableFuture<Void> started = new CompletableFuture<>();

		private volatile InteractiveDyno dyno;

		private volatile Runnable unguard;

		private volatile boolean ended;

		Console(RunRequest request) {
			this.request = request;
		}

		@Override
		public void stdout(ByteBuffer bytes) {
			output(STDOUT, bytes);
		}

		@Override
		public void stderr(ByteBuffer bytes) {
			output(STDERR, bytes);
		}

		private void output(byte stream, ByteBuffer bytes) {
			started.join();
			ByteBuffer message = ByteBuffer.allocate(1 + bytes.remaining()).put(stream).put(bytes).flip();
			send(new BinaryMessage(message));
		}

		@Override
		public void exited(int status) {
			started.join();
			send(new TextMessage(JSON.writeValueAsString(Map.of("type", "exit", "status", status))));
			close(CloseStatus.NORMAL);
		}

		@Override
		public void failed(String message) {
			started.join();
			fail(message);
		}

		void credentialsEnded(String reason) {
			fail("Session ended: " + reason + ".");
		}

		void fail(String message) {
			send(new TextMessage(JSON.writeValueAsString(Map.of("type", "error", "message", message))));
			close(CloseStatus.SERVER_ERROR);
		}

		/** Blocks while the client does not read, so a command that writes fast waits for it. */
		private synchronized void send(WebSocketMessage<?> message) {
			if (ended || session == null || !session.isOpen()) {
				return;
			}
			try {
				session.sendMessage(message);
			}
			catch (IOException | IllegalStateException ex) {
				close(CloseStatus.SESSION_NOT_RELIABLE);
			}
		}

		private void close(CloseStatus status) {
			if (session == null) {
				return;
			}
			try {
				session.close(status);
			}
			catch (IOException ex) {
				// Gone already.
			}
		}

		/** The client went away or the session ended: a dyno still running is stopped. */
		void closed() {
			ended = true;
			if (unguard != null) {
				unguard.run();
			}
			if (dyno != null) {
				dyno.stop();
			}
		}

	}

}
