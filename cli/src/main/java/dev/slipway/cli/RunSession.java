package dev.slipway.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One {@code slipway run} over the API's WebSocket ({@code /api/apps/<app>/dynos/run}): stdin goes to
 * the dyno as binary messages, its output comes back as binary messages led by the stream (1 stdout,
 * 2 stderr), and text messages say when it started, its exit status, or why it failed.
 */
final class RunSession implements WebSocket.Listener {

	/** Read from stdin and sent in pieces of at most this, within what Slipway takes in one message. */
	private static final int INPUT_CHUNK = 16 * 1024;

	/** Bounds a text message from Slipway, which is a line of JSON. */
	private static final int MAX_TEXT = 64 * 1024;

	private static final byte STDERR = 2;

	private final URI socket;

	private final String token;

	private final Api api;

	private final String command;

	private final String app;

	private final Terminal terminal;

	private final PrintWriter err;

	private final OutputStream stdout = new FileOutputStream(FileDescriptor.out);

	private final OutputStream stderr = new FileOutputStream(FileDescriptor.err);

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	private final StringBuilder text = new StringBuilder();

	private boolean messageStart = true;

	private OutputStream current;

	private volatile Integer status;

	private volatile String failure;

	private WebSocket webSocket;

	RunSession(Api api, String token, URI socket, String command, String app, Terminal terminal, PrintWriter err) {
		this.api = api;
		this.token = token;
		this.socket = socket;
		this.command = command;
		this.app = app;
		this.terminal = terminal;
		this.err = err;
	}

	/** Runs the command to its end; returns its exit status. */
	int run() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		try {
			webSocket = http.newWebSocketBuilder()
				.header("Authorization", "Bearer " + token)
				.header("User-Agent", "slipway-cli/" + CliVersion.version())
				.buildAsync(socket, this)
				.get();
		}
		catch (ExecutionException ex) {
			throw refused(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted.");
		}
		try {
			closed.get();
		}
		catch (ExecutionException ex) {
			throw new CliException("The connection to Slipway broke off: " + ex.getCause().getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted.");
		}
		finally {
			if (terminal != null) {
				terminal.restore();
			}
		}
		if (failure != null) {
			throw new CliException(failure);
		}
		if (status == null) {
			throw new CliException("The connection to Slipway ended before the command exited; its exit status is unknown.");
		}
		return status;
	}

	/**
	 * Why the WebSocket was refused, in Slipway's words: the same request without the upgrade answers
	 * the problem document (no such app, nothing deployed) that the handshake cannot carry.
	 */
	private RuntimeException refused(Throwable cause) {
		if (cause instanceof WebSocketHandshakeException) {
			String path = socket.getRawPath() + "?" + socket.getRawQuery();
			api.get(path);
			return new CliException("Slipway at " + api.base() + " did not open a console (HTTP "
					+ ((WebSocketHandshakeException) cause).getResponse().statusCode()
					+ "); is a proxy in front of it passing WebSockets on?");
		}
		return new CliException("Cannot reach Slipway at " + api.base() + " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + "). Check the address, or log in to another with: slipway login URL");
	}

	@Override
	public void onOpen(WebSocket socket) {
		socket.request(1);
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
		try {
			if (messageStart && data.hasRemaining()) {
				current = data.get() == STDERR ? stderr : stdout;
				messageStart = false;
			}
			if (data.hasRemaining()) {
				byte[] bytes = new byte[data.remaining()];
				data.get(bytes);
				current.write(bytes);
				current.flush();
			}
		}
		catch (IOException ex) {
			// Where the output went is gone (a closed pipe): the command goes on without a reader, as over ssh.
		}
		messageStart = last;
		socket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
		if (text.length() + data.length() > MAX_TEXT) {
			closed.completeExceptionally(new IOException("Slipway sent a control message over " + MAX_TEXT + " characters."));
			socket.abort();
			return null;
		}
		text.append(data);
		if (last) {
			control(text.toString());
			text.setLength(0);
		}
		socket.request(1);
		return null;
	}

	private void control(String message) {
		JsonNode control;
		try {
			control = Api.JSON.readTree(message);
		}
		catch (JacksonException ex) {
			return;
		}
		switch (control.path("type").asString("")) {
			case "started" -> started(control.path("dyno").asString(""));
			case "exit" -> status = control.path("status").asInt(1);
			case "error" -> failure = control.path("message").asString("The command failed.");
			default -> {
			}
		}
	}

	/** The dyno is up: say so as Heroku does, then hand it the terminal and the input. */
	private void started(String dyno) {
		err.println("Running `" + command + "` on ⬢ " + app + "... up, " + dyno);
		err.flush();
		if (terminal != null) {
			terminal.raw();
			terminal.onResize(this::resized);
		}
		Thread input = new Thread(this::sendInput, "stdin");
		input.setDaemon(true);
		input.start();
	}

	private void resized() {
		Terminal.Size size = terminal.size();
		send(() -> webSocket.sendText(
				Api.JSON.writeValueAsString(Map.of("type", "resize", "columns", size.columns(), "rows", size.rows())), true));
	}

	/** Sends stdin as it comes; its end is the dyno's end of input, unless a terminal is typing. */
	private void sendInput() {
		InputStream stdin = new FileInputStream(FileDescriptor.in);
		byte[] buffer = new byte[INPUT_CHUNK];
		try {
			for (int read; (read = stdin.read(buffer)) >= 0;) {
				ByteBuffer bytes = ByteBuffer.wrap(buffer.clone(), 0, read);
				if (!send(() -> webSocket.sendBinary(bytes, true))) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// Stdin cannot be read any more: that is its end.
		}
		if (terminal == null) {
			send(() -> webSocket.sendText("{\"type\":\"eof\"}", true));
		}
	}

	/** One message at a time, as the WebSocket wants: input and resizes come from different threads. */
	private synchronized boolean send(Supplier<CompletableFuture<WebSocket>> message) {
		try {
			message.get().join();
			return true;
		}
		catch (CompletionException | IllegalStateException ex) {
			return false;
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
		if (failure == null && status == null && reason != null && !reason.isBlank()) {
			failure = reason;
		}
		closed.complete(null);
		return null;
	}

	@Override
	public void onError(WebSocket socket, Throwable error) {
		closed.completeExceptionally(error);
	}

}
