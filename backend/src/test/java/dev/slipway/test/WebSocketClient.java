package dev.slipway.test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * A WebSocket client (RFC 6455) that reaches the router by hostname without DNS: it connects to
 * 127.0.0.1 on the given port, over TLS with the hostname as SNI trusting only a given root ({@code wss://}),
 * or in plain ({@code ws://}), upgrades {@code GET <path>} with {@code Host: <hostname>}, sends one masked text
 * message and returns the text message that comes back: an echo through everything in between.
 */
public final class WebSocketClient {

	private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private static final int TEXT = 0x1;

	private static final int CLOSE = 0x8;

	/** CR LF CR LF. */
	private static final int END_OF_HEAD = 0x0D0A0D0A;

	private static final int READ_TIMEOUT = 20_000;

	/** The most this client reads of a handshake answer or a message. */
	private static final int MAX_READ = 64 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebSocketClient() {
	}

	/** {@code wss://<hostname>:<port><path>}: sends {@code text}, returns the answer. */
	public static String echoOverTls(Path rootFile, String hostname, int port, String path, String text) {
		try (Socket socket = TrustedRoots.connect(TrustedRoots.sslContext(rootFile), hostname, port)) {
			return echo(socket, hostname, path, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("wss://" + hostname + ":" + port + path + " failed", ex);
		}
	}

	/** {@code ws://<hostname>:<port><path>}: sends {@code text}, returns the answer. */
	public static String echo(String hostname, int port, String path, String text) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
			socket.setSoTimeout(READ_TIMEOUT);
			return echo(socket, hostname, path, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("ws://" + hostname + ":" + port + path + " failed", ex);
		}
	}

	private static String echo(Socket socket, String hostname, String path, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		DataInputStream in = new DataInputStream(socket.getInputStream());
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String key = Base64.getEncoder().encodeToString(nonce);
		out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostname + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		String head = readHead(in);
		if (!head.startsWith("HTTP/1.1 101")
				|| !head.toLowerCase(Locale.ROOT).contains("sec-websocket-accept: " + accept(key).toLowerCase(Locale.ROOT))) {
			throw new IllegalStateException("No WebSocket upgrade for " + hostname + path + ":\n" + head);
		}
		out.write(frame(TEXT, text.getBytes(StandardCharsets.UTF_8)));
		out.flush();
		int opcode = in.readUnsignedByte() & 0x0F;
		byte[] payload = readPayload(in);
		if (opcode != TEXT) {
			throw new IllegalStateException("Expected a text message back, got opcode " + opcode);
		}
		out.write(frame(CLOSE, new byte[] { 0x03, (byte) 0xE8 }));
		out.flush();
		return new String(payload, StandardCharsets.UTF_8);
	}

	/** The status line and headers, up to the empty line. */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int lastFour = 0;
		while (lastFour != END_OF_HEAD) {
			int next = in.read();
			if (next < 0) {
				throw new EOFException("The connection ended in the handshake's answer: " + head.toString(StandardCharsets.ISO_8859_1));
			}
			if (head.size() >= MAX_READ) {
				throw new IOException("The handshake's answer is longer than " + MAX_READ + " bytes");
			}
			head.write(next);
			lastFour = lastFour << 8 | next;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/** A server's frame after its first byte: unmasked, as RFC 6455 has servers send them. */
	private static byte[] readPayload(DataInputStream in) throws IOException {
		int second = in.readUnsignedByte();
		long length = second & 0x7F;
		if (length == 126) {
			length = in.readUnsignedShort();
		}
		else if (length == 127) {
			length = in.readLong();
		}
		if ((second & 0x80) != 0 || length > MAX_READ) {
			throw new IOException("Unexpected frame from the server: masked or " + length + " bytes long");
		}
		byte[] payload = new byte[(int) length];
		in.readFully(payload);
		return payload;
	}

	/** A final frame, masked as RFC 6455 has clients send them. */
	private static byte[] frame(int opcode, byte[] payload) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x80 | opcode);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else if (payload.length < 65536) {
			frame.write(0x80 | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xFF);
		}
		else {
			throw new IllegalArgumentException("Messages up to 64 KiB only");
		}
		byte[] mask = new byte[4];
		RANDOM.nextBytes(mask);
		frame.writeBytes(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		return frame.toByteArray();
	}

	private static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
