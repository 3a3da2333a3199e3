package dev.slipway.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import com.github.dockerjava.core.DockerClientConfig;

/**
 * A container's stdin, stdout and stderr over Docker Engine's attach endpoint, on a connection of its
 * own. docker-java's attach never half-closes the connection when its input ends, so a command
 * reading stdin to its end (`echo ls | slipway run bash`) would wait forever; here the end of the
 * input is {@link #closeInput}, which tells the engine to close the container's stdin, as
 * {@code docker attach} does.
 */
final class ContainerAttach implements AutoCloseable {

	/** Bounds the engine's answer to the upgrade request, which is a few headers. */
	private static final int MAX_HEADER_BYTES = 16 * 1024;

	/** Without a TTY the engine multiplexes stdout and stderr, each frame led by 8 bytes. */
	private static final int FRAME_HEADER = 8;

	/** What a container's output is read into: it goes out as it comes, in pieces of at most this. */
	static final int CHUNK = 32 * 1024;

	interface Output {

		void stdout(ByteBuffer bytes);

		void stderr(ByteBuffer bytes);

	}

	private final SocketChannel channel;

	private final boolean tty;

	private final ByteBuffer pending;

	private byte frameStream;

	private long frameLeft;

	private ContainerAttach(SocketChannel channel, boolean tty, ByteBuffer pending) {
		this.channel = channel;
		this.tty = tty;
		this.pending = pending;
	}

	/** Attaches to a created container's streams; attach before starting it so no output is missed. */
	static ContainerAttach open(DockerClientConfig config, String containerId, boolean tty) throws IOException {
		URI host = config.getDockerHost();
		SocketChannel channel = switch (host.getScheme()) {
			case "unix" -> SocketChannel.open(UnixDomainSocketAddress.of(host.getPath()));
			case "tcp" -> {
				if (config.getSSLConfig() != null) {
					throw new IOException("An interactive dyno needs Docker Engine on a local socket or plain TCP; "
							+ config.getDockerHost() + " takes TLS. Run Slipway next to the engine (DOCKER_HOST=unix://…).");
				}
				yield SocketChannel.open(new InetSocketAddress(host.getHost(), host.getPort()));
			}
			default -> throw new IOException("Unsupported Docker host " + host + " for an interactive dyno.");
		};
		try {
			String request = "POST /containers/" + containerId + "/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n"
					+ "Host: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n";
			write(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
			ByteBuffer pending = readUpgrade(channel);
			return new ContainerAttach(channel, tty, pending);
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/** Reads the engine's answer up to the end of its headers; what follows is the container's output. */
	private static ByteBuffer readUpgrade(SocketChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(MAX_HEADER_BYTES);
		while (true) {
			if (channel.read(buffer) < 0) {
				throw new IOException("Docker Engine closed the connection before attaching.");
			}
			String head = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
			int end = head.indexOf("\r\n\r\n");
			if (end >= 0) {
				String status = head.substring(0, Math.max(0, head.indexOf("\r\n")));
				if (!status.matches("HTTP/1\\.[01] (101|200) .*")) {
					throw new IOException("Docker Engine refused to attach: " + status);
				}
				buffer.flip();
				buffer.position(end + 4);
				ByteBuffer rest = ByteBuffer.allocate(Math.max(buffer.remaining(), CHUNK) + FRAME_HEADER);
				rest.put(buffer);
				return rest;
			}
			if (!buffer.hasRemaining()) {
				throw new IOException("Docker Engine's answer to attach had over " + MAX_HEADER_BYTES + " bytes of headers.");
			}
		}
	}

	/** Writes to the container's stdin, blocking while the engine does not take more. */
	void write(ByteBuffer bytes) throws IOException {
		write(channel, bytes);
	}

	private static void write(SocketChannel channel, ByteBuffer bytes) throws IOException {
		while (bytes.hasRemaining()) {
			channel.write(bytes);
		}
	}

	/** Ends the container's stdin: a command reading it sees its end. */
	void closeInput() throws IOException {
		channel.shutdownOutput();
	}

	/** Passes the container's output on until it ends, which is when the container exits. */
	void pump(Output output) throws IOException {
		ByteBuffer buffer = pending;
		while (true) {
			buffer.flip();
			if (tty) {
				if (buffer.hasRemaining()) {
					output.stdout(buffer.slice());
				}
				buffer.clear();
			}
			else {
				frames(buffer, output);
				buffer.compact();
			}
			if (channel.read(buffer) < 0) {
				return;
			}
		}
	}

	/** Hands on what the buffer holds of each frame; a frame may arrive in several reads. */
	private void frames(ByteBuffer buffer, Output output) {
		while (true) {
			if (frameLeft == 0) {
				if (buffer.remaining() < FRAME_HEADER) {
					return;
				}
				frameStream = buffer.get();
				buffer.position(buffer.position() + 3);
				frameLeft = Integer.toUnsignedLong(buffer.getInt());
				continue;
			}
			if (!buffer.hasRemaining()) {
				return;
			}
			int length = (int) Math.min(frameLeft, buffer.remaining());
			ByteBuffer payload = buffer.slice(buffer.position(), length);
			if (frameStream == 2) {
				output.stderr(payload);
			}
			else {
				output.stdout(payload);
			}
			buffer.position(buffer.position() + length);
			frameLeft -= length;
		}
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

}
